namespace BehaviorGraph.Analytics.Detectors.Identities;

/// <summary>
/// Linked-identity detection (<see cref="IdentityDetector"/>): components of the account–device–IP graph, where an identifier links the accounts
/// behind it when it is shared like most shared identifiers on this platform are (households, a family phone), or
/// when the accounts behind it are far more alike than random accounts of the platform (a farm). Carrier NAT and
/// public Wi-Fi — many unrelated people behind one address — link nobody.
/// </summary>
public sealed record IdentityParameters
{
    /// <summary>
    /// An identifier links its accounts unconditionally up to this percentile of accounts per shared identifier
    /// (identifiers used by two or more accounts), measured per kind on the platform.
    /// </summary>
    public double HouseholdPercentile { get; init; } = 0.95;

    /// <summary>
    /// …but never above this many accounts (a large family or a small office): on a platform where most addresses are
    /// carrier NAT, the percentile alone would let mid-sized NAT addresses link strangers without a look at them.
    /// </summary>
    public int MaxHousehold { get; init; } = 10;

    /// <summary>
    /// A larger identifier links its accounts when they are this many standard deviations more alike than random
    /// cohorts of the same size drawn from the platform — in the targets they engage or in when they signed up.
    /// </summary>
    public double FarmDeviations { get; init; } = 4.0;

    /// <summary>Random cohorts drawn per large identifier for that comparison.</summary>
    public int NullCohorts { get; init; } = 16;

    /// <summary>Member pairs sampled per cohort for the target overlap.</summary>
    public int PairSamples { get; init; } = 300;

    /// <summary>Smallest component reported as a cluster.</summary>
    public int MinMembers { get; init; } = 2;

    /// <summary>Component size at which the size part of the score saturates (log scale from 1).</summary>
    public int SizeSaturation { get; init; } = 32;

    /// <summary>Weight of the component's size in its score.</summary>
    public double SizeWeight { get; init; } = 0.7;

    /// <summary>Weight of sharing (identifiers used by two or more of its accounts, per account, at most 1) in its score.</summary>
    public double SharingWeight { get; init; } = 0.3;

    /// <summary>Seed of the random cohorts and pair samples.</summary>
    public ulong Seed { get; init; } = 42;
}
