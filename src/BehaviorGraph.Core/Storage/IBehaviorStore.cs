namespace BehaviorGraph.Core.Storage;

/// <summary>
/// One relational backend (embedded SQLite, PostgreSQL): the event log, the graph tables and everything
/// analytics, scoring and the API write and read. Opening a store applies pending schema migrations.
/// </summary>
public interface IBehaviorStore : IAsyncDisposable
{
    /// <summary>The backend and where it lives, with secrets removed, for messages and logs.</summary>
    string Description { get; }

    IEventIngestStore Ingest { get; }

    IGraphReader Graph { get; }

    IStatsReader Stats { get; }

    Labels.ILabelStore Labels { get; }

    Scoring.IModelRegistry Models { get; }

    Scoring.IScoreStore Scores { get; }
}
