namespace BehaviorGraph.Core.Scoring;

/// <summary>A published scoring run: which model scored which feature snapshot, how many accounts, and when.</summary>
public sealed record ScoringRunInfo(
    long RunId,
    string ModelVersion,
    long SnapshotRunId,
    long Accounts,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    DecisionThresholds? Thresholds = null);
