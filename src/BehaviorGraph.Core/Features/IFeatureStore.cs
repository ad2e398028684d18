namespace BehaviorGraph.Core.Features;

public interface IFeatureStore
{
    /// <summary>Starts an analysis run and returns its id; its snapshot and clusters are written under that id.</summary>
    Task<long> BeginRunAsync(string description, CancellationToken cancellationToken);

    /// <summary>Writes the run's feature snapshot and clusters atomically and marks the run complete, as a full run.</summary>
    Task CompleteRunAsync(long runId, IReadOnlyList<string> featureNames, IReadOnlyList<AccountFeatureRow> rows, IReadOnlyList<Clusters.DetectedCluster> clusters, CancellationToken cancellationToken);

    /// <summary>Writes the run's feature snapshot and clusters atomically and marks the run complete, recording how it was computed.</summary>
    Task CompleteRunAsync(long runId, AnalysisRunScope scope, IReadOnlyList<string> featureNames, IReadOnlyList<AccountFeatureRow> rows, IReadOnlyList<Clusters.DetectedCluster> clusters, CancellationToken cancellationToken);

    /// <summary>The latest complete run without its rows, or null when no analysis has completed.</summary>
    Task<AnalysisRunInfo?> GetLatestRunAsync(CancellationToken cancellationToken);

    /// <summary>The snapshot of the latest complete run, or null when no analysis has completed.</summary>
    Task<FeatureSnapshot?> GetLatestSnapshotAsync(CancellationToken cancellationToken);
}
