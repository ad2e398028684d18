namespace BehaviorGraph.Neo4j.Store;

/// <summary>Progress of a sync after each batch: the phase (<c>nodes</c>, then <c>relationships</c>) and rows written so far.</summary>
public sealed record Neo4jSyncProgress(string Phase, long Nodes, long Relationships);
