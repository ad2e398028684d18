namespace BehaviorGraph.Core.Graph;

/// <summary>Progress of a graph sync after each batch: the phase (<c>nodes</c>, then <c>relationships</c>) and rows written so far.</summary>
public sealed record GraphSyncProgress(string Phase, long Nodes, long Relationships);
