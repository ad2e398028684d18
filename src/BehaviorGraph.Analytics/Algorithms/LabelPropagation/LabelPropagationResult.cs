namespace BehaviorGraph.Analytics.Algorithms.LabelPropagation;

/// <summary>Community per node (0..CommunityCount-1 by first node), iterations, convergence and modularity.</summary>
public sealed record LabelPropagationResult(int[] Communities, int CommunityCount, int Iterations, bool Converged, double Modularity);
