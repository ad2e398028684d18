namespace BehaviorGraph.Core.Graph;

/// <summary>A node of the graph store with the first and last time (Unix ms) an event touched it.</summary>
public readonly record struct GraphNode(long Id, NodeKind Kind, string Key, long FirstSeenMs, long LastSeenMs);
