using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Investigation;

/// <summary>An aggregated edge between two nodes named by kind and key: its type, count and first and last time (Unix ms).</summary>
public sealed record NodeEdge(NodeKind SourceKind, string Source, NodeKind TargetKind, string Target, string Type, long Count, long FirstMs, long LastMs);
