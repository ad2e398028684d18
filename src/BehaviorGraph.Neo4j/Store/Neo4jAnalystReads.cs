using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Reads;
using BehaviorGraph.Neo4j.Client;
using BehaviorGraph.Neo4j.Cypher;

namespace BehaviorGraph.Neo4j.Store;

/// <summary>
/// Analyst reads from the mirrored graph, each a file of <c>cypher/reads/</c> run with read access: neighbourhoods
/// (the same breadth-first search the relational store runs), a cluster's internal edges and accounts sharing an
/// identifier; and the analyst library of <c>cypher/analyst/</c> by name.
/// </summary>
internal sealed class Neo4jAnalystReads(Neo4jSession session) : IAccountGraphReads, IClusterGraphReads, ISharedIdentifierReads
{
    public async Task<bool> AccountExistsAsync(string account, CancellationToken cancellationToken) =>
        await StartAsync(account, cancellationToken) is not null;

    public async Task<GraphNeighbourhood?> GetNeighbourhoodAsync(string account, int depth, int limit, CancellationToken cancellationToken)
    {
        var start = await StartAsync(account, cancellationToken);
        return start is null
            ? null
            : await NeighbourhoodSearch.SearchAsync(start.Value, depth, limit, EdgesTouchingAsync, NodesByIdAsync, cancellationToken);
    }

    public async Task<EdgesAmong> GetEdgesAmongAsync(IReadOnlyCollection<string> accounts, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var result = await session.RunAsync(
            CypherLibrary.Get("reads/edges_among_accounts"),
            new Dictionary<string, object?> { ["keys"] = accounts.ToList(), ["limit"] = limit + 1 },
            CypherAccessMode.Read,
            cancellationToken);
        var edges = result.Rows.Take(limit).Select(row => new KeyedEdge(
            row.GetString("source_key"), NodeKind.Account, row.GetString("target_key"), NodeKind.Account, row.GetString("type"),
            row.GetInt64OrNull("count") ?? 0, row.GetInt64OrNull("first_seen") ?? 0, row.GetInt64OrNull("last_seen") ?? 0)).ToList();
        return new EdgesAmong(edges, result.Rows.Count > limit);
    }

    public async Task<IReadOnlyList<SharedIdentifier>> GetAccountsSharingAsync(string account, IdentifierKind kind, int limit, CancellationToken cancellationToken)
    {
        var statement = CypherLibrary.Get(kind == IdentifierKind.Device ? "reads/accounts_sharing_device" : "reads/accounts_sharing_ip");
        var result = await session.RunAsync(
            statement, new Dictionary<string, object?> { ["key"] = account, ["limit"] = limit }, CypherAccessMode.Read, cancellationToken);
        return result.Rows.Select(r => new SharedIdentifier(r.GetString("account"), r.GetString("identifier"), r.GetInt64OrNull("events") ?? 0)).ToList();
    }

    /// <summary>Runs one query of the analyst library (read access); parameters must be exactly those its header declares.</summary>
    public Task<CypherResult> RunLibraryQueryAsync(string name, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        session.RunAsync(Neo4jAnalystQueries.Statement(name), parameters, CypherAccessMode.Read, cancellationToken);

    private async Task<GraphNode?> StartAsync(string account, CancellationToken cancellationToken)
    {
        var result = await session.RunAsync(
            CypherLibrary.Get("reads/account_by_key"), new Dictionary<string, object?> { ["key"] = account }, CypherAccessMode.Read, cancellationToken);
        return result.Rows.Count == 0 ? null : new GraphNode(result.Rows[0].GetInt64("id"), NodeKind.Account, result.Rows[0].GetString("key"), 0, 0);
    }

    private async Task<IReadOnlyList<GraphEdge>> EdgesTouchingAsync(IReadOnlyCollection<long> ids, int limit, CancellationToken cancellationToken)
    {
        var result = await session.RunAsync(
            CypherLibrary.Get("reads/edges_touching"),
            new Dictionary<string, object?> { ["ids"] = ids.ToList(), ["limit"] = limit },
            CypherAccessMode.Read,
            cancellationToken);
        return result.Rows.Select(r => new GraphEdge(
            r.GetInt64("source"), r.GetInt64("target"), r.GetString("type"),
            r.GetInt64OrNull("count") ?? 0, r.GetInt64OrNull("first_seen") ?? 0, r.GetInt64OrNull("last_seen") ?? 0, 0)).ToList();
    }

    private async Task<IReadOnlyList<GraphNode>> NodesByIdAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var result = await session.RunAsync(
            CypherLibrary.Get("reads/nodes_by_id"), new Dictionary<string, object?> { ["ids"] = ids.ToList() }, CypherAccessMode.Read, cancellationToken);
        return result.Rows
            .Where(r => r.GetInt64OrNull("kind") is not null)
            .Select(r => new GraphNode(r.GetInt64("id"), (NodeKind)r.GetInt64("kind"), r.GetString("key"), 0, 0))
            .ToList();
    }
}
