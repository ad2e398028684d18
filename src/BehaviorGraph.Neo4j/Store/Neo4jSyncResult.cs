namespace BehaviorGraph.Neo4j.Store;

/// <summary>
/// What a sync wrote: nodes, relationships per edge type, and relationships skipped because an end node was
/// not in Neo4j (the source changed while it was read).
/// </summary>
public sealed record Neo4jSyncResult(
    long Nodes,
    long Relationships,
    long SkippedRelationships,
    int Statements,
    IReadOnlyDictionary<string, long> RelationshipsByType);
