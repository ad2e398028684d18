using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// What an analysis run did: its id in the store, the data it read, the clusters it found (rings, bots, linked
/// identities; each list ordered by score), the feature names written per account, and the time of every stage.
/// </summary>
public sealed record AnalysisResult(
    long RunId,
    int Accounts,
    long Events,
    long Edges,
    IReadOnlyList<DetectedCluster> Clusters,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<StageTiming> Stages)
{
    /// <summary>Whether the run was full or incremental, and what it recomputed.</summary>
    public AnalysisRunScope Scope { get; init; } = AnalysisRunScope.Full(Events, Accounts, "full run");

    public TimeSpan Elapsed => Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed);

    public int CountOf(ClusterKind kind) => Clusters.Count(c => c.Kind == kind);
}
