namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>A cluster member with its score and decision (null when the latest scoring run does not hold it) and its latest label.</summary>
public sealed record ClusterMember(string Account, double? Score, string? Decision, string? Label, DateTimeOffset? LabelledAt, string? LabelledBy);
