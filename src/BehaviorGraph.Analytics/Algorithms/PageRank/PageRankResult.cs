namespace BehaviorGraph.Analytics.Algorithms.PageRank;

/// <summary>Scores (summing to 1), the iterations run, whether the tolerance was met, and the last L1 change.</summary>
public sealed record PageRankResult(double[] Scores, int Iterations, bool Converged, double FinalDelta);
