namespace BehaviorGraph.Api.Contracts;

/// <summary>A cluster as a risk answer shows it.</summary>
public sealed record ClusterSummary(string Id, string Kind, int Size, double Score);
