namespace BehaviorGraph.Neo4j.Client;

/// <summary>Whether a statement only reads (a cluster may route it to a reader) or writes.</summary>
public enum CypherAccessMode
{
    Write = 0,
    Read = 1,
}
