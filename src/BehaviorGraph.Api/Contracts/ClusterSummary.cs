namespace BehaviorGraph.Api.Contracts;

/// <summary>A cluster as a risk answer shows it: what it is and, in words, why it was reported.</summary>
public sealed record ClusterSummary(string Id, string Kind, int Size, double Score, string Evidence);
