namespace BehaviorGraph.Analytics.Algorithms.Rev2;

/// <summary>REV2 fairness per account (as rater) and goodness per account (as ratee), with convergence facts.</summary>
internal sealed record Rev2Result(double[] Fairness, double[] Goodness, int Iterations, bool Converged, double FinalDelta);
