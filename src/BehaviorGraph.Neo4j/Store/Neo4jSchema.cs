using BehaviorGraph.Neo4j.Client;
using BehaviorGraph.Neo4j.Cypher;

namespace BehaviorGraph.Neo4j.Store;

/// <summary>Liveness, the uniqueness constraints, and (for tests) clearing everything the adapter wrote.</summary>
internal sealed class Neo4jSchema(Neo4jSession session)
{
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var result = await session.RunAsync(CypherLibrary.Get("admin/ping"), new Dictionary<string, object?>(), CypherAccessMode.Read, cancellationToken);
        if (result.Rows.Count != 1 || result.Rows[0].GetInt64("ok") != 1)
        {
            throw new Neo4jException("Neo.InvalidResponse", "RETURN 1 did not answer 1.");
        }
    }

    /// <summary>Creates the uniqueness constraints (keys per label, id on Node) if they do not exist.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in GraphModel.SchemaStatements)
        {
            await session.RunAsync(statement, new Dictionary<string, object?>(), CypherAccessMode.Write, cancellationToken);
        }
    }

    public Task ClearAsync(CancellationToken cancellationToken) =>
        session.RunAsync(CypherLibrary.Get("admin/clear_graph"), new Dictionary<string, object?>(), CypherAccessMode.Write, cancellationToken);
}
