namespace BehaviorGraph.Analytics.Algorithms.Louvain;

/// <summary>
/// Where a warm-started Louvain begins: a community label per node (any non-negative labels; equal labels share a
/// community) and the nodes its first level may move (the first pass visits only these, in seeded order; later passes
/// revisit the neighbours of whatever moved, as in a cold run). Higher levels run as in a cold run.
/// </summary>
public sealed record LouvainWarmStart(int[] InitialCommunities, bool[] Movable)
{
    public int MovableCount { get; } = Movable.Count(m => m);
}
