using System.Data.Common;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Investigation;
using BehaviorGraph.Storage.Relational.Reads;
using Dapper;

namespace BehaviorGraph.Storage.Relational.Investigation;

/// <summary>
/// The console's reads of the graph tables, in SQL that is the same on SQLite and PostgreSQL. Lists of ids are sent
/// in chunks (SQLite's parameter limit), one parameter per value; identifier edges are read by their literal type, so both backends use the
/// partial indexes on <c>edges (dst)</c> for devices and IPs. Edges into an account or content node have no index on
/// <c>dst</c> and are found by a scan of the edges, as the neighbourhood read does.
/// </summary>
public sealed class InvestigationReader(RelationalDialect dialect) : IInvestigationReader
{
    private const int Chunk = 500;

    public async Task<IReadOnlyList<IdentifierUse>> ReadIdentifierUsesAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var members = await AccountsAsync(connection, accounts, cancellationToken);
        var edges = new List<IdentifierEdgeRow>();
        foreach (var chunk in members.Keys.Chunk(Chunk))
        {
            var parameters = new DynamicParameters();
            edges.AddRange(await connection.QueryAsync<IdentifierEdgeRow>(new CommandDefinition(
                $"""
                SELECT e.src AS Src, e.dst AS Dst, e.type AS Type, i.key AS Key, e.count AS Count, e.first_ts AS FirstTs, e.last_ts AS LastTs
                FROM edges e JOIN nodes i ON i.id = e.dst
                WHERE e.src {InList.Of("m", chunk, parameters)} AND e.type IN ('uses_device', 'uses_ip')
                """,
                parameters, cancellationToken: cancellationToken)));
        }

        var accountsUsing = new Dictionary<long, long>();
        foreach (var (type, ids) in edges.GroupBy(e => e.Type).Select(g => (g.Key, g.Select(e => e.Dst).Distinct().ToList())))
        {
            foreach (var chunk in ids.Chunk(Chunk))
            {
                // One statement per type with the type written out, so the partial index of that type serves it.
                var parameters = new DynamicParameters();
                var list = InList.Of("i", chunk, parameters);
                var sql = type == EdgeTypes.UsesDevice
                    ? $"SELECT dst AS Dst, COUNT(*) AS Accounts FROM edges WHERE type = 'uses_device' AND dst {list} GROUP BY dst"
                    : $"SELECT dst AS Dst, COUNT(*) AS Accounts FROM edges WHERE type = 'uses_ip' AND dst {list} GROUP BY dst";
                foreach (var row in await connection.QueryAsync<IdentifierCountRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))
                {
                    accountsUsing[row.Dst] = row.Accounts;
                }
            }
        }

        return edges
            .Select(e => new IdentifierUse(
                members[e.Src].Key,
                e.Type == EdgeTypes.UsesDevice ? NodeKind.Device : NodeKind.Ip,
                e.Key,
                e.Count,
                e.FirstTs,
                e.LastTs,
                accountsUsing.GetValueOrDefault(e.Dst)))
            .OrderBy(u => u.Kind).ThenBy(u => u.Identifier, StringComparer.Ordinal).ThenBy(u => u.Account, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<GroupActivity> ReadActivityAsync(IReadOnlyCollection<string> accounts, int maxActions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentOutOfRangeException.ThrowIfNegative(maxActions);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var members = await AccountsAsync(connection, accounts, cancellationToken);
        var actions = new List<MemberAction>();
        var truncated = false;
        foreach (var chunk in members.Keys.Order().Chunk(Chunk))
        {
            var parameters = new DynamicParameters(new { limit = maxActions - actions.Count + 1 });
            var rows = await connection.QueryAsync<EdgeRow>(new CommandDefinition(
                $"""
                SELECT {EdgeRow.Columns} FROM edges
                WHERE src {InList.Of("m", chunk, parameters)} AND type NOT IN ('uses_device', 'uses_ip')
                ORDER BY src, dst, type LIMIT @limit
                """,
                parameters, cancellationToken: cancellationToken));
            actions.AddRange(rows.Select(r => new MemberAction(members[r.Src].Key, r.Dst, r.Type, r.Count, r.FirstTs, r.LastTs)));
            if (actions.Count > maxActions)
            {
                actions.RemoveRange(maxActions, actions.Count - maxActions);
                truncated = true;
                break;
            }
        }

        var seen = members.Values
            .Select(m => new MemberSeen(m.Key, m.FirstSeen, m.LastSeen))
            .OrderBy(m => m.FirstSeenMs).ThenBy(m => m.Account, StringComparer.Ordinal)
            .ToList();
        return new GroupActivity(seen, actions, truncated);
    }

    public async Task<NodeEdges?> ReadNodeEdgesAsync(
        NodeKind kind, string key, IReadOnlyCollection<string>? types, int perType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(perType, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var node = await connection.QuerySingleOrDefaultAsync<NodeKeyRow>(new CommandDefinition(
            "SELECT id AS Id, kind AS Kind, key AS Key, first_seen AS FirstSeen, last_seen AS LastSeen FROM nodes WHERE kind = @kind AND key = @key",
            new { kind = (int)kind, key }, cancellationToken: cancellationToken));
        if (node is null)
        {
            return null;
        }

        var parameters = new DynamicParameters(new { id = node.Id, perType });
        var typeFilter = types is { Count: > 0 } ? " AND type " + InList.Of("t", types.ToList(), parameters) : "";
        // Only accounts point at devices and IPs, by these types: naming the type lets the partial index find them.
        var incoming = kind switch
        {
            NodeKind.Device => " AND type = 'uses_device'",
            NodeKind.Ip => " AND type = 'uses_ip'",
            _ => "",
        };
        var rows = (await connection.QueryAsync<NodeEdgeRow>(new CommandDefinition(
            $"""
            SELECT Src, Dst, Type, Count, FirstTs, LastTs, Outgoing, Total FROM (
                SELECT e.Src, e.Dst, e.Type, e.Count, e.FirstTs, e.LastTs, e.Outgoing,
                       ROW_NUMBER() OVER (PARTITION BY e.Outgoing, e.Type ORDER BY e.Count DESC, e.Src, e.Dst) AS Place,
                       COUNT(*) OVER (PARTITION BY e.Outgoing, e.Type) AS Total
                FROM (
                    SELECT {EdgeRow.Columns}, 1 AS Outgoing FROM edges WHERE src = @id{typeFilter}
                    UNION ALL
                    SELECT {EdgeRow.Columns}, 0 AS Outgoing FROM edges WHERE dst = @id AND src <> @id{incoming}{typeFilter}
                ) e
            ) ranked
            WHERE Place <= @perType
            ORDER BY Outgoing DESC, Type, Count DESC, Src, Dst
            """,
            parameters, cancellationToken: cancellationToken))).AsList();

        var others = new Dictionary<long, NodeKeyRow> { [node.Id] = node };
        foreach (var chunk in rows.Select(r => r.Outgoing == 1 ? r.Dst : r.Src).Where(id => id != node.Id).Distinct().Chunk(Chunk))
        {
            var ids = new DynamicParameters();
            foreach (var row in await connection.QueryAsync<NodeKeyRow>(new CommandDefinition(
                $"SELECT id AS Id, kind AS Kind, key AS Key, first_seen AS FirstSeen, last_seen AS LastSeen FROM nodes WHERE id {InList.Of("n", chunk, ids)}",
                ids, cancellationToken: cancellationToken)))
            {
                others[row.Id] = row;
            }
        }

        var edges = rows
            .Where(r => others.ContainsKey(r.Src) && others.ContainsKey(r.Dst))
            .Select(r => new NodeEdge(
                (NodeKind)others[r.Src].Kind, others[r.Src].Key, (NodeKind)others[r.Dst].Kind, others[r.Dst].Key, r.Type, r.Count, r.FirstTs, r.LastTs))
            .ToList();
        var counts = rows
            .GroupBy(r => (r.Type, r.Outgoing))
            .Select(g => new EdgeTypeCount(g.Key.Type, g.Key.Outgoing == 1, g.First().Total))
            .OrderBy(c => !c.Outgoing).ThenBy(c => c.Type, StringComparer.Ordinal)
            .ToList();
        return new NodeEdges((NodeKind)node.Kind, node.Key, edges, counts);
    }

    private static async Task<Dictionary<long, NodeKeyRow>> AccountsAsync(DbConnection connection, IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, NodeKeyRow>();
        foreach (var chunk in accounts.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var parameters = new DynamicParameters(new { kind = (int)NodeKind.Account });
            foreach (var row in await connection.QueryAsync<NodeKeyRow>(new CommandDefinition(
                $"SELECT id AS Id, kind AS Kind, key AS Key, first_seen AS FirstSeen, last_seen AS LastSeen FROM nodes WHERE kind = @kind AND key {InList.Of("k", chunk, parameters)}",
                parameters, cancellationToken: cancellationToken)))
            {
                result[row.Id] = row;
            }
        }

        return result;
    }
}
