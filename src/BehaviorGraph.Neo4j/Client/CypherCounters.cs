namespace BehaviorGraph.Neo4j.Client;

/// <summary>How a statement changed the database, as Neo4j counted it.</summary>
public sealed record CypherCounters(
    bool ContainsUpdates,
    long NodesCreated,
    long NodesDeleted,
    long RelationshipsCreated,
    long RelationshipsDeleted,
    long PropertiesSet,
    long LabelsAdded,
    long ConstraintsAdded)
{
    public static CypherCounters None { get; } = new(false, 0, 0, 0, 0, 0, 0, 0);
}
