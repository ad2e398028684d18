using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Reads;

/// <summary>
/// An aggregated edge with its ends named by key and kind (a kind is null when the end node is not in the graph),
/// as analysts see it: how many events, first and last time (Unix ms).
/// </summary>
public sealed record KeyedEdge(string Source, NodeKind? SourceKind, string Target, NodeKind? TargetKind, string Type, long Count, long FirstMs, long LastMs);
