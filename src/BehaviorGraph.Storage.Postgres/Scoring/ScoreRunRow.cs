using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Storage.Postgres.Scoring;

internal sealed record ScoreRunRow(long Id, string ModelVersion, long SnapshotRunId, long Accounts, long StartedAt, long? CompletedAt)
{
    public const string Columns =
        "id, model_version AS modelVersion, snapshot_run_id AS snapshotRunId, accounts, started_at AS startedAt, completed_at AS completedAt";

    public ScoringRunInfo ToInfo() => new(
        Id,
        ModelVersion,
        SnapshotRunId,
        Accounts,
        DateTimeOffset.FromUnixTimeMilliseconds(StartedAt),
        DateTimeOffset.FromUnixTimeMilliseconds(CompletedAt ?? StartedAt));
}
