namespace BehaviorGraph.Synthetic;

/// <summary>
/// Knobs of the synthetic platform generator. Every output is a pure function of these values:
/// the same options always produce byte-identical files.
/// </summary>
/// <param name="Accounts">Number of accounts on the platform (200 to 5,000,000); about 50 events are generated per account.</param>
/// <param name="Seed">Seed of every random choice.</param>
public sealed record SyntheticOptions(int Accounts = 20_000, int Seed = 42)
{
    public const int MinAccounts = 200;
    public const int MaxAccounts = 5_000_000;

    /// <summary>First day (UTC) of the activity window; signups happen during the <see cref="SignupDays"/> before it.</summary>
    public DateOnly WindowStart { get; init; } = new(2026, 3, 1);

    /// <summary>Length of the activity window in days (7 to 120).</summary>
    public int ActivityDays { get; init; } = 30;

    /// <summary>Days before the window over which accounts sign up (7 to 365).</summary>
    public int SignupDays { get; init; } = 60;

    /// <summary>Spam rings planted per 10,000 accounts (at least one is always planted).</summary>
    public double RingsPer10kAccounts { get; init; } = 4.0;

    /// <summary>Engagement-selling bot clusters planted per 10,000 accounts (at least one is always planted).</summary>
    public double BotClustersPer10kAccounts { get; init; } = 10.0 / 3.0;

    /// <summary>Fraction of each ring's members that use their own device and a residential IP (0.3 to 1).</summary>
    public double CarefulRingFraction { get; init; } = 0.4;

    /// <summary>Share of a ring member's outward actions that are camouflage on popular benign accounts and content (0 to 0.9).</summary>
    public double CamouflageRatio { get; init; } = 0.3;

    /// <summary>Mean fraction of planted abusive accounts that carry an <c>abusive</c> label (0 to 1); some clusters stay entirely unlabelled.</summary>
    public double LabelledAbusiveFraction { get; init; } = 0.4;

    /// <summary>Fraction of benign accounts that carry a <c>benign</c> label (0 to 1), hard negatives over-represented.</summary>
    public double LabelledBenignFraction { get; init; } = 0.05;

    /// <summary>Probability that a written label is flipped (0 to 0.2).</summary>
    public double LabelNoise { get; init; } = 0.015;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Accounts is < MinAccounts or > MaxAccounts)
        {
            throw new ArgumentException(
                $"Accounts must be between {MinAccounts:N0} and {MaxAccounts:N0} (got {Accounts:N0}); fewer accounts cannot host a spam ring, a bot cluster and a benign population.",
                nameof(Accounts));
        }

        Require(ActivityDays is >= 7 and <= 120, nameof(ActivityDays), $"ActivityDays must be between 7 and 120 (got {ActivityDays}).");
        Require(SignupDays is >= 7 and <= 365, nameof(SignupDays), $"SignupDays must be between 7 and 365 (got {SignupDays}).");
        Require(WindowStart.Year is >= 2000 and <= 2100, nameof(WindowStart), $"WindowStart must be between the years 2000 and 2100 (got {WindowStart:yyyy-MM-dd}).");
        Require(RingsPer10kAccounts is >= 0 and <= 100, nameof(RingsPer10kAccounts), $"RingsPer10kAccounts must be between 0 and 100 (got {RingsPer10kAccounts}).");
        Require(BotClustersPer10kAccounts is >= 0 and <= 100, nameof(BotClustersPer10kAccounts), $"BotClustersPer10kAccounts must be between 0 and 100 (got {BotClustersPer10kAccounts}).");
        Require(CarefulRingFraction is >= 0.3 and <= 1, nameof(CarefulRingFraction), $"CarefulRingFraction must be between 0.3 and 1 (got {CarefulRingFraction}).");
        Require(CamouflageRatio is >= 0 and <= 0.9, nameof(CamouflageRatio), $"CamouflageRatio must be between 0 and 0.9 (got {CamouflageRatio}).");
        Require(LabelledAbusiveFraction is >= 0 and <= 1, nameof(LabelledAbusiveFraction), $"LabelledAbusiveFraction must be between 0 and 1 (got {LabelledAbusiveFraction}).");
        Require(LabelledBenignFraction is >= 0 and <= 1, nameof(LabelledBenignFraction), $"LabelledBenignFraction must be between 0 and 1 (got {LabelledBenignFraction}).");
        Require(LabelNoise is >= 0 and <= 0.2, nameof(LabelNoise), $"LabelNoise must be between 0 and 0.2 (got {LabelNoise}).");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, name);
        }
    }
}
