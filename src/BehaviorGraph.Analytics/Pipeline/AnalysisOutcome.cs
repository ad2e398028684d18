using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Features;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// The in-memory result of the compute stages, before anything is written: in an incremental run with the scope it
/// continued and what it recomputed; in a full run with why it was full when a previous state was offered; and the
/// state each detector keeps for the next run.
/// </summary>
internal sealed record AnalysisOutcome(PlatformData Data, IReadOnlyList<DetectedCluster> Clusters, FeatureMatrix Features)
{
    public IncrementalScope? Scope { get; init; }

    public string? FullBecause { get; init; }

    public string Recomputed { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, byte[]> DetectorStates { get; init; } = new Dictionary<string, byte[]>();
}
