namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>
/// An account waiting for a verdict: its score, decision and top reasons from the latest scoring run, its clusters, and
/// why it is in the queue (<c>review</c>: the run decided review and no label came since; <c>unlabelled</c>: one of
/// the highest scores that no label names).
/// </summary>
public sealed record QueueItem(
    string Account,
    double Score,
    string Decision,
    string Why,
    IReadOnlyList<Api.Contracts.Reason> Reasons,
    IReadOnlyList<Api.Contracts.ClusterSummary> Clusters,
    string? Label,
    DateTimeOffset? LabelledAt);
