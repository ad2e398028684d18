namespace BehaviorGraph.Core.Graph;

/// <summary>
/// What a graph sync wrote: nodes, relationships per edge type, and relationships skipped because an end node was
/// not in the graph store (the source changed while it was read).
/// </summary>
public sealed record GraphSyncResult(
    long Nodes,
    long Relationships,
    long SkippedRelationships,
    int Statements,
    IReadOnlyDictionary<string, long> RelationshipsByType);
