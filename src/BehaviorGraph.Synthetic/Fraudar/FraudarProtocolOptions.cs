namespace BehaviorGraph.Synthetic;

/// <summary>
/// FRAUDAR's injection protocol (Hooi et al., KDD 2016 §5) as a generator input: a sparse, heavy-tailed accounts ×
/// items <c>like</c> graph into which one block of accounts × items is injected at a given density under one of the
/// four attacks. Only <c>like</c> events, spread over a year; no signups, posts, devices or IPs. The output is a
/// pure function of these values.
/// </summary>
/// <param name="Density">Share of the block's accounts × items pairs that are liked (0.001 to 1; the paper sweeps 0.01 to 0.10).</param>
/// <param name="Attack">The camouflage: none, random, degree-biased, or hijacked accounts.</param>
/// <param name="Seed">Seed of every random choice.</param>
public sealed record FraudarProtocolOptions(double Density = 0.04, BlockCamouflage Attack = BlockCamouflage.None, int Seed = 42)
{
    /// <summary>Honest accounts of the background graph (100 to 1,000,000).</summary>
    public int Accounts { get; init; } = 2_000;

    /// <summary>Items of the background graph (100 to 1,000,000).</summary>
    public int Items { get; init; } = 2_000;

    /// <summary>Accounts of the injected block: new fake accounts, or for hijacked accounts existing ones (2 to Accounts).</summary>
    public int BlockAccounts { get; init; } = 200;

    /// <summary>Items of the injected block, existing items chosen uniformly (2 to Items).</summary>
    public int BlockItems { get; init; } = 200;

    /// <summary>Mean likes per honest account in the background graph (1 to 100); degrees on both sides are heavy-tailed (Chung–Lu with Pareto weights).</summary>
    public double BackgroundDegree { get; init; } = 5;

    /// <summary>Camouflage likes per block like of a fake account under random and degree-biased camouflage (0 to 10).</summary>
    public double CamouflageRatio { get; init; } = 1;

    /// <summary>First day (UTC) of the year the likes are spread over.</summary>
    public DateOnly Start { get; init; } = new(2025, 3, 1);

    /// <summary>Days the likes are spread over (1 to 3,650).</summary>
    public int Days { get; init; } = 365;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Accounts is >= 100 and <= 1_000_000, nameof(Accounts), $"Accounts must be between 100 and 1,000,000 (got {Accounts:N0}).");
        Require(Items is >= 100 and <= 1_000_000, nameof(Items), $"Items must be between 100 and 1,000,000 (got {Items:N0}).");
        Require(BlockAccounts >= 2 && BlockAccounts <= Accounts, nameof(BlockAccounts), $"BlockAccounts must be between 2 and Accounts ({Accounts:N0}) (got {BlockAccounts:N0}).");
        Require(BlockItems >= 2 && BlockItems <= Items, nameof(BlockItems), $"BlockItems must be between 2 and Items ({Items:N0}) (got {BlockItems:N0}).");
        Require(Density is >= 0.001 and <= 1, nameof(Density), $"Density must be between 0.001 and 1 (got {Density}).");
        Require(Density * BlockItems >= 1, nameof(Density),
            $"Density ({Density}) × BlockItems ({BlockItems:N0}) must be at least 1, so that every block account likes at least one item.");
        Require(Enum.IsDefined(Attack), nameof(Attack), $"Attack must be none, random, degree or hijacked (got {Attack}).");
        Require(BackgroundDegree is >= 1 and <= 100, nameof(BackgroundDegree), $"BackgroundDegree must be between 1 and 100 (got {BackgroundDegree}).");
        Require(BackgroundDegree <= Items / 4.0, nameof(BackgroundDegree), $"BackgroundDegree ({BackgroundDegree}) must stay below a quarter of Items ({Items:N0}) for the background to stay sparse.");
        Require(CamouflageRatio is >= 0 and <= 10, nameof(CamouflageRatio), $"CamouflageRatio must be between 0 and 10 (got {CamouflageRatio}).");
        Require((double)BlockAccounts * BlockItems * Density <= SyntheticOptions.MaxBlockEvents, nameof(Density),
            $"A block of {BlockAccounts:N0} × {BlockItems:N0} at density {Density} would hold more than {SyntheticOptions.MaxBlockEvents:N0} likes.");
        Require(Days is >= 1 and <= 3_650, nameof(Days), $"Days must be between 1 and 3,650 (got {Days}).");
        Require(Start.Year is >= 2000 and <= 2100, nameof(Start), $"Start must be between the years 2000 and 2100 (got {Start:yyyy-MM-dd}).");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, name);
        }
    }
}
