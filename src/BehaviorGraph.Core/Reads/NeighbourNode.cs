using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Reads;

/// <summary>A node of a neighbourhood and its distance in hops from the account at its centre.</summary>
public sealed record NeighbourNode(string Key, NodeKind Kind, int Hop);
