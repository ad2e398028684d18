namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// Engagement-block detection (<see cref="EngagementBlockDetector"/>): FRAUDAR (camouflage-resistant column weights
/// 1 / ln(engagers + 5)) on the account × target engagement graph, blocks extracted one after another. The bar a block
/// must clear is measured on the platform itself: the densest block the same peeling finds after the graph's edges are
/// shuffled (every account keeps its engagement count, every target its engager count).
/// </summary>
public sealed record BlockParameters
{
    /// <summary>A block must be this many times denser (in FRAUDAR's g) than the densest block of the shuffled graph.</summary>
    public double NullFactor { get; init; } = 1.5;

    /// <summary>Most blocks peeled per run (each from the graph left by the previous ones).</summary>
    public int MaxBlocks { get; init; } = 30;

    /// <summary>
    /// Blocks peeled by FRAUDAR's plain (not degree-corrected) density as well, on the graph and its shuffle alike. The
    /// first is the densest; on a 20k-account platform the second and third were loose mixes (590 accounts, 41% planted)
    /// that passed the bar while adding no planted block the others missed.
    /// </summary>
    public int PlainPeels { get; init; } = 1;

    /// <summary>Smallest number of accounts in a reported block.</summary>
    public int MinAccounts { get; init; } = 5;

    /// <summary>Smallest number of targets in a reported block.</summary>
    public int MinTargets { get; init; } = 3;

    /// <summary>A block splits into sub-blocks when Louvain on its own edges reaches this modularity…</summary>
    public double SplitModularity { get; init; } = 0.1;

    /// <summary>…and beats by this margin what the same block rewired at random (degrees kept) gives.</summary>
    public double SplitMargin { get; init; } = 0.02;

    /// <summary>Random rewirings tried for that comparison.</summary>
    public int SplitNullTrials { get; init; } = 3;

    public ulong Seed { get; init; } = 42;
}
