namespace BehaviorGraph.Api.Contracts;

/// <summary>The nodes and edges within depth hops of an account.</summary>
public sealed record Neighborhood(string Account, int Depth, IReadOnlyList<NeighborhoodNode> Nodes, IReadOnlyList<Edge> Edges, bool Truncated);
