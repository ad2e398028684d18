namespace BehaviorGraph.Analytics.Algorithms.PageRank;

/// <summary>
/// PageRank settings. <see cref="Tolerance"/> bounds the L1 change of the score vector between iterations.
/// With <see cref="Seeds"/> the walk restarts only at those nodes (personalised PageRank; TrustRank when the seeds
/// are trusted accounts, anti-TrustRank when they are known bad accounts and the graph is reversed so distrust
/// flows back to whoever links to them). Dangling mass follows the restart distribution.
/// </summary>
public sealed record PageRankParameters
{
    public double Damping { get; init; } = 0.85;

    public double Tolerance { get; init; } = 1e-7;

    public int MaxIterations { get; init; } = 100;

    /// <summary>Split a node's score by edge weight instead of evenly over its out-edges.</summary>
    public bool Weighted { get; init; }

    /// <summary>Dense ids of the restart set; null or empty: uniform restart (plain PageRank).</summary>
    public IReadOnlyCollection<int>? Seeds { get; init; }

    public static PageRankParameters Default { get; } = new();
}
