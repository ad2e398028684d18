namespace BehaviorGraph.Analytics.Features;

/// <summary>
/// Settings of the features <see cref="FeatureBuilder"/> computes itself (the detectors' feature columns follow their
/// own parameters).
/// </summary>
public sealed record FeatureParameters
{
    /// <summary>Damping of PageRank on the interaction graph (the <c>pagerank</c> feature): the chance a walk follows an edge rather than restarting.</summary>
    public double PageRankDamping { get; init; } = 0.85;

    /// <summary>REV2 fairness/goodness iterations cap (<c>rev2_fairness</c>, <c>rev2_goodness</c>)…</summary>
    public int Rev2MaxIterations { get; init; } = 200;

    /// <summary>…and the largest change of any value that counts as converged.</summary>
    public double Rev2Tolerance { get; init; } = 1e-6;
}
