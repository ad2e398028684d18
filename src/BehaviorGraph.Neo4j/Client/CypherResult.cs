namespace BehaviorGraph.Neo4j.Client;

/// <summary>The rows a statement returned, its counters, and the bookmarks of its transaction.</summary>
public sealed record CypherResult(
    IReadOnlyList<string> Fields,
    IReadOnlyList<CypherRow> Rows,
    CypherCounters Counters,
    IReadOnlyList<string> Bookmarks);
