namespace BehaviorGraph.Neo4j.Client;

/// <summary>
/// One statement to run in its own transaction. Parameter values may be null, strings, booleans, integers,
/// floating-point numbers, lists and string-keyed maps of those.
/// </summary>
/// <param name="Bookmarks">Bookmarks of earlier writes the statement must see (read-your-writes in a cluster).</param>
public sealed record CypherQuery(
    string Statement,
    IReadOnlyDictionary<string, object?> Parameters,
    CypherAccessMode AccessMode = CypherAccessMode.Write,
    IReadOnlyList<string>? Bookmarks = null);
