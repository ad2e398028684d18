namespace BehaviorGraph.Synthetic;

/// <summary>
/// Knobs of the synthetic platform generator. Every output is a pure function of these values:
/// the same options always produce byte-identical files. The defaults give the platform the demo shows (spam rings
/// and bot clusters, one viral burst); farms, engagement blocks and dense friend groups are off unless asked for.
/// </summary>
/// <param name="Accounts">Number of accounts on the platform (200 to 5,000,000); about 50 events are generated per account.</param>
/// <param name="Seed">Seed of every random choice.</param>
public sealed record SyntheticOptions(int Accounts = 20_000, int Seed = 42)
{
    public const int MinAccounts = 200;
    public const int MaxAccounts = 5_000_000;

    /// <summary>Most planted events one engagement block may hold (accounts × targets × density).</summary>
    public const int MaxBlockEvents = 2_000_000;

    /// <summary>First day (UTC) of the activity window; signups happen during the <see cref="SignupDays"/> before it.</summary>
    public DateOnly WindowStart { get; init; } = new(2026, 3, 1);

    /// <summary>Length of the activity window in days (7 to 120).</summary>
    public int ActivityDays { get; init; } = 30;

    /// <summary>Days before the window over which accounts sign up (7 to 365).</summary>
    public int SignupDays { get; init; } = 60;

    /// <summary>Spam rings planted per 10,000 accounts (0 to 100); 0 plants none, any other rate at least one.</summary>
    public double RingsPer10kAccounts { get; init; } = 4.0;

    /// <summary>Engagement-selling bot clusters planted per 10,000 accounts (0 to 100); 0 plants none, any other rate at least one.</summary>
    public double BotClustersPer10kAccounts { get; init; } = 10.0 / 3.0;

    /// <summary>Data-centre account farms planted per 10,000 accounts (0 to 100); 0 (default) plants none, any other rate at least one.</summary>
    public double FarmsPer10kAccounts { get; init; }

    /// <summary>Engagement blocks (bought likes or follows) planted per 10,000 accounts (0 to 100); 0 (default) plants none, any other rate at least one.</summary>
    public double BlocksPer10kAccounts { get; init; }

    /// <summary>Dense benign friend groups (hard negatives) per 10,000 accounts (0 to 200); 0 (default) plants none, any other rate at least one.</summary>
    public double FriendGroupsPer10kAccounts { get; init; }

    /// <summary>Benign viral bursts (hard negatives): unrelated accounts piling onto one popular item within an hour (0 to 20).</summary>
    public int ViralBursts { get; init; } = 1;

    /// <summary>Days over which one ring's members sign up, drawn per ring (1 to 45, at most <see cref="SignupDays"/>).</summary>
    public SyntheticRange RingSignupDays { get; init; } = new(1, 3);

    /// <summary>Fraction of each ring's members that use their own device and a residential IP (0 to 1); the rest share a device pool and proxy IPs.</summary>
    public double CarefulRingFraction { get; init; } = 0.4;

    /// <summary>
    /// How much ordinary life careful ring members lead, relative to a typical benign user (0 to 1): sessions with logins,
    /// views, likes, comments, follows, messages and ratings; posts that strangers see and like; strangers following them;
    /// a carrier-NAT IP beside the home IP. 0 (default): only the ring's own activity.
    /// </summary>
    public double CarefulRingCover { get; init; }

    /// <summary>Strangers each ring member contacts (follows or messages), drawn per member (0 to 500).</summary>
    public SyntheticRange RingOutreach { get; init; } = new(15, 50);

    /// <summary>Share of a ring member's outward actions that are camouflage on popular benign accounts and content (0 to 0.9).</summary>
    public double CamouflageRatio { get; init; } = 0.3;

    /// <summary>Minutes over which one bot job's members act, drawn per cluster (1 to 240).</summary>
    public SyntheticRange BotJobSpreadMinutes { get; init; } = new(10, 10);

    /// <summary>How bot members spread their actions over a job.</summary>
    public BotJobTiming BotJobTiming { get; init; } = BotJobTiming.Bursty;

    /// <summary>Customer jobs per bot cluster, drawn per cluster (1 to 100).</summary>
    public SyntheticRange BotJobs { get; init; } = new(6, 12);

    /// <summary>Emulator accounts per data-centre farm, drawn per farm (10 to 2,000; capped at a tenth of the platform unless that is below the lower bound).</summary>
    public SyntheticRange FarmSize { get; init; } = new(60, 150);

    /// <summary>Data-centre IPs one farm's accounts rotate over, drawn per farm (1 to 100).</summary>
    public SyntheticRange FarmIps { get; init; } = new(3, 8);

    /// <summary>Days over which one farm's accounts sign up, drawn per farm (1 to <see cref="SignupDays"/>).</summary>
    public SyntheticRange FarmSignupDays { get; init; } = new(3, 30);

    /// <summary>Accounts per engagement block, drawn per block (5 to 5,000; capped at a tenth of the platform unless that is below the lower bound).</summary>
    public SyntheticRange BlockAccounts { get; init; } = new(100, 200);

    /// <summary>Targets (content items or accounts) per engagement block, drawn per block (2 to 5,000).</summary>
    public SyntheticRange BlockTargets { get; init; } = new(50, 150);

    /// <summary>Share of the block's account × target pairs that carry an engagement (0.001 to 1, and at least one target per account); exact per block.</summary>
    public double BlockDensity { get; init; } = 0.1;

    /// <summary>What engagement blocks target.</summary>
    public BlockTargetKind BlockTargetKind { get; init; } = BlockTargetKind.Content;

    /// <summary>How engagement blocks hide (FRAUDAR's four attacks).</summary>
    public BlockCamouflage BlockCamouflage { get; init; } = BlockCamouflage.Random;

    /// <summary>Camouflage engagements per block engagement of a fake block account, for random and degree-biased camouflage (0 to 10).</summary>
    public double BlockCamouflageRatio { get; init; } = 1.0;

    /// <summary>Members per dense friend group, drawn per group (3 to 300).</summary>
    public SyntheticRange FriendGroupSize { get; init; } = new(6, 30);

    /// <summary>Mean fraction of planted abusive accounts that carry an <c>abusive</c> label (0 to 1); some clusters stay entirely unlabelled.</summary>
    public double LabelledAbusiveFraction { get; init; } = 0.4;

    /// <summary>Fraction of benign accounts that carry a <c>benign</c> label (0 to 1), hard negatives over-represented.</summary>
    public double LabelledBenignFraction { get; init; } = 0.05;

    /// <summary>Probability that a written label is flipped (0 to 0.2).</summary>
    public double LabelNoise { get; init; } = 0.015;

    /// <summary>The same options with no planted abuse at all: no rings, bot clusters, farms or engagement blocks (hard negatives stay).</summary>
    public SyntheticOptions BenignOnly() => this with
    {
        RingsPer10kAccounts = 0,
        BotClustersPer10kAccounts = 0,
        FarmsPer10kAccounts = 0,
        BlocksPer10kAccounts = 0,
    };

    /// <summary>True when no abusive cluster of any kind is planted.</summary>
    public bool PlantsNoAbuse => RingsPer10kAccounts == 0 && BotClustersPer10kAccounts == 0 && FarmsPer10kAccounts == 0 && BlocksPer10kAccounts == 0;

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
        Rate(RingsPer10kAccounts, 100, nameof(RingsPer10kAccounts));
        Rate(BotClustersPer10kAccounts, 100, nameof(BotClustersPer10kAccounts));
        Rate(FarmsPer10kAccounts, 100, nameof(FarmsPer10kAccounts));
        Rate(BlocksPer10kAccounts, 100, nameof(BlocksPer10kAccounts));
        Rate(FriendGroupsPer10kAccounts, 200, nameof(FriendGroupsPer10kAccounts));
        Require(ViralBursts is >= 0 and <= 20, nameof(ViralBursts), $"ViralBursts must be between 0 and 20 (got {ViralBursts}).");

        Span(RingSignupDays, 1, Math.Min(45, SignupDays), nameof(RingSignupDays), "days", $" (at most 45 and at most SignupDays, {SignupDays}: ring members sign up before the activity window)");
        Fraction(CarefulRingFraction, 0, 1, nameof(CarefulRingFraction));
        Fraction(CarefulRingCover, 0, 1, nameof(CarefulRingCover));
        Span(RingOutreach, 0, 500, nameof(RingOutreach), "strangers per member");
        Fraction(CamouflageRatio, 0, 0.9, nameof(CamouflageRatio));

        Span(BotJobSpreadMinutes, 1, 240, nameof(BotJobSpreadMinutes), "minutes");
        Require(Enum.IsDefined(BotJobTiming), nameof(BotJobTiming), $"BotJobTiming must be bursty or uniform (got {BotJobTiming}).");
        Span(BotJobs, 1, 100, nameof(BotJobs), "jobs");

        Span(FarmSize, 10, 2_000, nameof(FarmSize), "accounts");
        Span(FarmIps, 1, 100, nameof(FarmIps), "IPs");
        // Only a farm that is planted must fit its signups into the signup period.
        Span(FarmSignupDays, 1, FarmsPer10kAccounts > 0 ? SignupDays : 365, nameof(FarmSignupDays), "days", FarmsPer10kAccounts > 0 ? $" (at most SignupDays, {SignupDays})" : "");

        Span(BlockAccounts, 5, 5_000, nameof(BlockAccounts), "accounts");
        Span(BlockTargets, 2, 5_000, nameof(BlockTargets), "targets");
        Fraction(BlockDensity, 0.001, 1, nameof(BlockDensity));
        Require(BlockDensity * BlockTargets.Min >= 1, nameof(BlockDensity),
            $"BlockDensity ({BlockDensity}) × the fewest BlockTargets ({BlockTargets.Min}) must be at least 1, so that every block account engages at least one target.");
        Require(Enum.IsDefined(BlockTargetKind), nameof(BlockTargetKind), $"BlockTargetKind must be content, account or mixed (got {BlockTargetKind}).");
        Require(Enum.IsDefined(BlockCamouflage), nameof(BlockCamouflage), $"BlockCamouflage must be none, random, degree or hijacked (got {BlockCamouflage}).");
        Fraction(BlockCamouflageRatio, 0, 10, nameof(BlockCamouflageRatio));
        Require((double)BlockAccounts.Max * BlockTargets.Max * BlockDensity <= MaxBlockEvents, nameof(BlockDensity),
            $"An engagement block of up to {BlockAccounts.Max:N0} accounts × {BlockTargets.Max:N0} targets at density {BlockDensity} would hold more than {MaxBlockEvents:N0} events; lower BlockAccounts, BlockTargets or BlockDensity.");
        Span(FriendGroupSize, 3, 300, nameof(FriendGroupSize), "members");

        Fraction(LabelledAbusiveFraction, 0, 1, nameof(LabelledAbusiveFraction));
        Fraction(LabelledBenignFraction, 0, 1, nameof(LabelledBenignFraction));
        Fraction(LabelNoise, 0, 0.2, nameof(LabelNoise));

        long planted = Simulation.ClusterSizing.MostNewAbusiveAccounts(this);
        Require(planted <= Accounts / 2, nameof(Accounts),
            $"The planted abuse could take up to {planted:N0} of the {Accounts:N0} accounts, more than half of the platform; raise Accounts or lower the rates and sizes of rings, bot clusters, farms and engagement blocks.");
        if (BlocksPer10kAccounts > 0 && BlockCamouflage == BlockCamouflage.Hijacked)
        {
            long hijacked = Simulation.ClusterSizing.MostHijackedAccounts(this);
            Require(hijacked <= (Accounts - planted) / 2, nameof(BlockAccounts),
                $"Hijacked engagement blocks could take up to {hijacked:N0} accounts, more than half of the {Accounts - planted:N0} benign ones; raise Accounts or lower BlockAccounts or BlocksPer10kAccounts.");
        }
    }

    private static void Rate(double value, double max, string name) =>
        Require(value >= 0 && value <= max, name, $"{name} must be between 0 and {max} (got {value}).");

    private static void Fraction(double value, double min, double max, string name) =>
        Require(value >= min && value <= max, name, $"{name} must be between {min} and {max} (got {value}).");

    private static void Span(SyntheticRange range, int min, int max, string name, string unit, string why = "") =>
        Require(range.Within(min, max), name, $"{name} must lie between {min} and {max} {unit}{why} (got {range}).");

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, name);
        }
    }
}
