namespace BehaviorGraph.Api.Contracts;

/// <summary>A node of a neighbourhood and its distance in hops from the account.</summary>
public sealed record NeighborhoodNode(string Key, string Kind, int Hop);
