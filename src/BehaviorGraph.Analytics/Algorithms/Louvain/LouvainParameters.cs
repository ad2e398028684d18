namespace BehaviorGraph.Analytics.Algorithms.Louvain;

/// <summary>
/// Louvain settings: resolution γ (higher: smaller communities), level and per-level pass caps, the smallest
/// modularity gain of a pass worth another pass, the seed of the node visiting order, and whether edge weights count.
/// </summary>
public sealed record LouvainParameters
{
    public double Resolution { get; init; } = 1.0;

    public int MaxLevels { get; init; } = 10;

    public int MaxPassesPerLevel { get; init; } = 20;

    public double Tolerance { get; init; } = 1e-6;

    public ulong Seed { get; init; } = 42;

    public bool Weighted { get; init; } = true;

    public static LouvainParameters Default { get; } = new();
}
