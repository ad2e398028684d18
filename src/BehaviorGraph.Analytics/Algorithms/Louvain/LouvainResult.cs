namespace BehaviorGraph.Analytics.Algorithms.Louvain;

/// <summary>Final community per node (0..CommunityCount-1 by first node), final modularity, and every level.</summary>
public sealed record LouvainResult(int[] Communities, int CommunityCount, double Modularity, IReadOnlyList<LouvainLevel> Levels);
