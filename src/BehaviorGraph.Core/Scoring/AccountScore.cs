namespace BehaviorGraph.Core.Scoring;

/// <summary>One account's calibrated abuse probability, the decision it leads to and the reasons behind it.</summary>
public sealed record AccountScore(
    string Account,
    double Score,
    Decision Decision,
    IReadOnlyList<ReasonCode> Reasons,
    string ModelVersion,
    long RunId,
    DateTimeOffset ScoredAt);
