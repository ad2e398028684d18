namespace BehaviorGraph.Core.Storage;

/// <summary>
/// One relational backend (embedded SQLite, PostgreSQL): the event log, the graph tables and everything
/// analytics, scoring and the API write and read. Opening a store applies pending schema migrations.
/// Reads beyond these contracts (neighbourhoods, named queries, …) are optional abilities: see <see cref="IHasAbilities"/>.
/// </summary>
public interface IBehaviorStore : IHasAbilities, IAsyncDisposable
{
    /// <summary>The backend and where it lives, with secrets removed, for messages and logs.</summary>
    string Description { get; }

    IEventIngestStore Ingest { get; }

    /// <summary>Nodes and aggregated edges, streamed.</summary>
    IGraphReader Graph { get; }

    /// <summary>The append-only event log, streamed.</summary>
    IEventLogReader Events { get; }

    IStatsReader Stats { get; }

    /// <summary>Analysis runs: per-account feature snapshots and the clusters found.</summary>
    Features.IFeatureStore Features { get; }

    /// <summary>Clusters of the latest complete analysis run.</summary>
    Clusters.IClusterStore Clusters { get; }

    /// <summary>Analyst and file labels, with author and time.</summary>
    Labels.ILabelStore Labels { get; }

    /// <summary>Trained models with their metrics; one is promoted.</summary>
    Scoring.IModelRegistry Models { get; }

    /// <summary>Scoring runs, published atomically.</summary>
    Scoring.IScoreStore Scores { get; }

    /// <summary>API keys of the service, stored as hashes.</summary>
    Security.IApiKeyStore ApiKeys { get; }
}
