namespace BehaviorGraph.Analytics.Algorithms.Louvain;

/// <summary>One level of Louvain: communities after local moving, its modularity, passes run and nodes moved.</summary>
public sealed record LouvainLevel(int Level, int NodeCount, int CommunityCount, double Modularity, int Passes, long Moves);
