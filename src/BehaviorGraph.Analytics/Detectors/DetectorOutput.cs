using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// What one detector found: its clusters (named, ordered by score), the feature columns it owns (one value per
/// account, in account order), and a line for the detectors' progress summary saying what it found and against which
/// bar. <see cref="State"/> is what the detector keeps for the next run's incremental pass (see
/// <see cref="IncrementalScope.StateOf"/>), in its own format; null when it keeps nothing.
/// </summary>
internal sealed record DetectorOutput(IReadOnlyList<DetectedCluster> Clusters, IReadOnlyList<FeatureColumn> Columns, string Summary)
{
    public byte[]? State { get; init; }
}
