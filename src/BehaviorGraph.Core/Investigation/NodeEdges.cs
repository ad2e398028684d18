using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Investigation;

/// <summary>The edges around one node, at most a few of each type and direction, and how many there are of each.</summary>
public sealed record NodeEdges(NodeKind Kind, string Key, IReadOnlyList<NodeEdge> Edges, IReadOnlyList<EdgeTypeCount> Counts);
