using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Reads;
using Dapper;

namespace BehaviorGraph.Storage.Relational.Reads;

/// <summary>
/// The analyst reads of the graph tables, written once for every relational backend: neighbourhoods, a cluster's
/// internal edges, accounts sharing an identifier. Each read runs in a read-only session
/// (<see cref="RelationalDialect.OpenReadOnlyAsync"/>), so every statement of it sees one snapshot.
/// </summary>
public sealed class RelationalGraphReads(RelationalDialect dialect) : IAccountGraphReads, IClusterGraphReads, ISharedIdentifierReads
{
    private const int Chunk = 900;

    // The literal edge types match the partial indexes edges_by_device / edges_by_ip (migration 0005), which a
    // bound parameter would not; kind 1 is NodeKind.Account.
    private const string SharingDevice =
        """
        SELECT other.key AS Account, d.key AS Identifier, e2.count AS Events
        FROM nodes a
        JOIN edges e1 ON e1.src = a.id AND e1.type = 'uses_device'
        JOIN nodes d ON d.id = e1.dst
        JOIN edges e2 ON e2.dst = e1.dst AND e2.type = 'uses_device' AND e2.src <> a.id
        JOIN nodes other ON other.id = e2.src
        WHERE a.kind = 1 AND a.key = @account
        ORDER BY other.key, d.key
        LIMIT @limit
        """;

    private const string SharingIp =
        """
        SELECT other.key AS Account, i.key AS Identifier, e2.count AS Events
        FROM nodes a
        JOIN edges e1 ON e1.src = a.id AND e1.type = 'uses_ip'
        JOIN nodes i ON i.id = e1.dst
        JOIN edges e2 ON e2.dst = e1.dst AND e2.type = 'uses_ip' AND e2.src <> a.id
        JOIN nodes other ON other.id = e2.src
        WHERE a.kind = 1 AND a.key = @account
        ORDER BY other.key, i.key
        LIMIT @limit
        """;

    /// <summary>The statement behind <see cref="GetAccountsSharingAsync"/> (for plan tests).</summary>
    public static string SharingSql(IdentifierKind kind) => kind == IdentifierKind.Device ? SharingDevice : SharingIp;

    public async Task<bool> AccountExistsAsync(string account, CancellationToken cancellationToken)
    {
        await using var session = await dialect.OpenReadOnlyAsync(cancellationToken);
        return (await NodesByKeyAsync(session, NodeKind.Account, [account], cancellationToken)).Count > 0;
    }

    public async Task<GraphNeighbourhood?> GetNeighbourhoodAsync(string account, int depth, int limit, CancellationToken cancellationToken)
    {
        await using var session = await dialect.OpenReadOnlyAsync(cancellationToken);
        var start = (await NodesByKeyAsync(session, NodeKind.Account, [account], cancellationToken)).SingleOrDefault();
        if (start is null)
        {
            return null;
        }

        return await NeighbourhoodSearch.SearchAsync(
            start.ToNode(),
            depth,
            limit,
            (ids, max, ct) => EdgesTouchingAsync(session, ids, max, ct),
            async (ids, ct) => (await NodesByIdAsync(session, ids, ct)).Select(n => n.ToNode()).ToList(),
            cancellationToken);
    }

    public async Task<EdgesAmong> GetEdgesAmongAsync(IReadOnlyCollection<string> accounts, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        await using var session = await dialect.OpenReadOnlyAsync(cancellationToken);
        var nodes = (await NodesByKeyAsync(session, NodeKind.Account, accounts, cancellationToken)).ToDictionary(n => n.Id, n => n.ToNode());
        var members = nodes.Keys.ToHashSet();
        var found = new List<GraphEdge>();
        foreach (var chunk in members.Chunk(Chunk))
        {
            var rows = await session.Connection.QueryAsync<EdgeRow>(new CommandDefinition(
                $"SELECT {EdgeRow.Columns} FROM edges WHERE {dialect.InList("src", "@chunk")} ORDER BY src, dst, type",
                new { chunk }, session.Transaction, cancellationToken: cancellationToken));
            found.AddRange(rows.Where(r => members.Contains(r.Dst)).Select(r => r.ToEdge()));
            if (found.Count > limit)
            {
                break;
            }
        }

        return new EdgesAmong(found.Take(limit).Select(e => NeighbourhoodSearch.Keyed(e, nodes)).ToList(), found.Count > limit);
    }

    public async Task<IReadOnlyList<SharedIdentifier>> GetAccountsSharingAsync(string account, IdentifierKind kind, int limit, CancellationToken cancellationToken)
    {
        await using var session = await dialect.OpenReadOnlyAsync(cancellationToken);
        var rows = await session.Connection.QueryAsync<SharedIdentifierRow>(new CommandDefinition(
            SharingSql(kind), new { account, limit }, session.Transaction, commandTimeout: 30, cancellationToken: cancellationToken));
        return rows.Select(r => new SharedIdentifier(r.Account, r.Identifier, r.Events)).ToList();
    }

    private async Task<List<NodeRow>> NodesByKeyAsync(ReadOnlySession session, NodeKind kind, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var result = new List<NodeRow>(keys.Count);
        foreach (var chunk in keys.Chunk(Chunk))
        {
            result.AddRange(await session.Connection.QueryAsync<NodeRow>(new CommandDefinition(
                $"SELECT {NodeRow.Columns} FROM nodes WHERE kind = @kind AND {dialect.InList("key", "@chunk")}",
                new { kind = (int)kind, chunk }, session.Transaction, cancellationToken: cancellationToken)));
        }

        return result;
    }

    private async Task<List<NodeRow>> NodesByIdAsync(ReadOnlySession session, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var result = new List<NodeRow>(ids.Count);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            result.AddRange(await session.Connection.QueryAsync<NodeRow>(new CommandDefinition(
                $"SELECT {NodeRow.Columns} FROM nodes WHERE {dialect.InList("id", "@chunk")}", new { chunk }, session.Transaction, cancellationToken: cancellationToken)));
        }

        return result;
    }

    /// <summary>Edges from or to any of <paramref name="ids"/>, heaviest first, at most <paramref name="limit"/>.</summary>
    private async Task<IReadOnlyList<GraphEdge>> EdgesTouchingAsync(ReadOnlySession session, IReadOnlyCollection<long> ids, int limit, CancellationToken cancellationToken)
    {
        var result = new List<EdgeRow>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            result.AddRange(await session.Connection.QueryAsync<EdgeRow>(new CommandDefinition(
                $"""
                SELECT {EdgeRow.Columns} FROM (
                    SELECT * FROM edges WHERE {dialect.InList("src", "@chunk")}
                    UNION
                    SELECT * FROM edges WHERE {dialect.InList("dst", "@chunk")}
                ) e ORDER BY count DESC, src, dst, type LIMIT @limit
                """,
                new { chunk, limit }, session.Transaction, cancellationToken: cancellationToken)));
        }

        return result.OrderByDescending(e => e.Count).ThenBy(e => e.Src).ThenBy(e => e.Dst).ThenBy(e => e.Type, StringComparer.Ordinal)
            .Take(limit).Select(e => e.ToEdge()).ToList();
    }

    private sealed class SharedIdentifierRow
    {
        public string Account { get; init; } = "";

        public string Identifier { get; init; } = "";

        public long Events { get; init; }
    }
}
