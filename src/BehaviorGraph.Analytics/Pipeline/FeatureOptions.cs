namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>Settings of the per-account features.</summary>
public sealed record FeatureOptions
{
    public double PageRankDamping { get; init; } = 0.85;

    /// <summary>REV2 fairness/goodness iterations cap and the largest change that counts as converged.</summary>
    public int Rev2MaxIterations { get; init; } = 200;

    public double Rev2Tolerance { get; init; } = 1e-6;
}
