namespace BehaviorGraph.Api.Contracts;

/// <summary>A cluster in a list.</summary>
public sealed record ClusterItem(string Id, string Kind, int Size, double Score, string Evidence);
