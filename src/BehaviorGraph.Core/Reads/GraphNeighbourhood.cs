namespace BehaviorGraph.Core.Reads;

/// <summary>
/// The nodes and edges within <see cref="Depth"/> hops of an account, nearest first; <see cref="Truncated"/> when the
/// edge limit cut the search short.
/// </summary>
public sealed record GraphNeighbourhood(string Account, int Depth, IReadOnlyList<NeighbourNode> Nodes, IReadOnlyList<KeyedEdge> Edges, bool Truncated);
