using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Storage.Relational.Scoring;

/// <summary>A <c>score_runs</c> row as both backends select it (<see cref="Columns"/>); the column types map alike.</summary>
public sealed record ScoreRunRow(
    long Id, string ModelVersion, long SnapshotRunId, long Accounts, long StartedAt, long? CompletedAt, double? ReviewThreshold, double? BlockThreshold)
{
    public const string Columns =
        "id, model_version AS modelVersion, snapshot_run_id AS snapshotRunId, accounts, started_at AS startedAt, completed_at AS completedAt, " +
        "review_threshold AS reviewThreshold, block_threshold AS blockThreshold";

    public ScoringRunInfo ToInfo() => new(
        Id,
        ModelVersion,
        SnapshotRunId,
        Accounts,
        DateTimeOffset.FromUnixTimeMilliseconds(StartedAt),
        DateTimeOffset.FromUnixTimeMilliseconds(CompletedAt ?? StartedAt),
        ReviewThreshold is { } review && BlockThreshold is { } block ? new DecisionThresholds(review, block) : null);
}
