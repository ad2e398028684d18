namespace BehaviorGraph.Analytics.Algorithms.KCore;

/// <summary>Core number per node; the degeneracy is the largest core number and how many nodes reach it.</summary>
public sealed record KCoreResult(int[] CoreNumbers, int Degeneracy, int NodesInMaxCore);
