using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Api.Relational;

/// <summary>Point reads of the graph tables: nodes by key or id, edges among or around a set of nodes.</summary>
internal sealed class GraphQueries(ReadOnlyDatabase database)
{
    private const int Chunk = 900;
    private const string EdgeColumns = "src AS Src, dst AS Dst, type AS Type, count AS Count, first_ts AS FirstTs, last_ts AS LastTs";

    public async Task<List<NodeRow>> NodesByKeyAsync(NodeKind kind, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var result = new List<NodeRow>(keys.Count);
        foreach (var chunk in keys.Chunk(Chunk))
        {
            result.AddRange(await database.QueryAsync<NodeRow>(
                "SELECT id AS Id, kind AS Kind, key AS Key FROM nodes WHERE kind = @kind AND key IN @chunk",
                new { kind = (int)kind, chunk }, cancellationToken));
        }

        return result;
    }

    public async Task<List<NodeRow>> NodesByIdAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var result = new List<NodeRow>(ids.Count);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            result.AddRange(await database.QueryAsync<NodeRow>(
                "SELECT id AS Id, kind AS Kind, key AS Key FROM nodes WHERE id IN @chunk", new { chunk }, cancellationToken));
        }

        return result;
    }

    /// <summary>Edges whose both ends are in <paramref name="ids"/>, at most <paramref name="limit"/>.</summary>
    public async Task<List<EdgeRow>> EdgesAmongAsync(IReadOnlyCollection<long> ids, int limit, CancellationToken cancellationToken)
    {
        var members = ids.ToHashSet();
        var result = new List<EdgeRow>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var rows = await database.QueryAsync<EdgeRow>(
                $"SELECT {EdgeColumns} FROM edges WHERE src IN @chunk ORDER BY src, dst, type", new { chunk }, cancellationToken);
            result.AddRange(rows.Where(r => members.Contains(r.Dst)));
            if (result.Count >= limit)
            {
                break;
            }
        }

        return result.Take(limit).ToList();
    }

    /// <summary>Edges from or to any of <paramref name="ids"/>, heaviest first, at most <paramref name="limit"/>.</summary>
    public async Task<List<EdgeRow>> EdgesTouchingAsync(IReadOnlyCollection<long> ids, int limit, CancellationToken cancellationToken)
    {
        var result = new List<EdgeRow>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            result.AddRange(await database.QueryAsync<EdgeRow>(
                $"""
                SELECT {EdgeColumns} FROM (
                    SELECT * FROM edges WHERE src IN @chunk
                    UNION
                    SELECT * FROM edges WHERE dst IN @chunk
                ) e ORDER BY count DESC, src, dst, type LIMIT @limit
                """,
                new { chunk, limit }, cancellationToken));
        }

        return result.OrderByDescending(e => e.Count).ThenBy(e => e.Src).ThenBy(e => e.Dst).ThenBy(e => e.Type, StringComparer.Ordinal).Take(limit).ToList();
    }
}
