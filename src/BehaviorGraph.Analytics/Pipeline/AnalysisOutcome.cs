using BehaviorGraph.Analytics.Features;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>The in-memory result of the compute stages, before anything is written.</summary>
internal sealed record AnalysisOutcome(PlatformData Data, IReadOnlyList<DetectedCluster> Clusters, FeatureMatrix Features);
