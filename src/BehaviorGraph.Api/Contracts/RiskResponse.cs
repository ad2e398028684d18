namespace BehaviorGraph.Api.Contracts;

/// <summary>An account's risk as the latest scoring run holds it.</summary>
public sealed record RiskResponse(string Account, double Score, string Decision, Thresholds Thresholds, IReadOnlyList<Reason> Reasons, IReadOnlyList<ClusterSummary> Clusters, string ModelVersion, long RunId, DateTimeOffset ScoredAt);
