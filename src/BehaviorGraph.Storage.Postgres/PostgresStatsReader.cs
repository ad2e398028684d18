using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Dapper;
using Npgsql;

namespace BehaviorGraph.Storage.Postgres;

internal sealed class PostgresStatsReader(NpgsqlDataSource dataSource) : IStatsReader
{
    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT count(*) FROM events;
            SELECT count(*) FROM quarantine;
            SELECT count(*) FROM ingest_sources WHERE completed_at IS NOT NULL;
            SELECT type AS Name, count(*) AS Count FROM events GROUP BY type ORDER BY type;
            SELECT kind AS Kind, count(*) AS Count FROM nodes GROUP BY kind ORDER BY kind;
            SELECT type AS Name, count(*) AS Count FROM edges GROUP BY type ORDER BY type;
            """, cancellationToken: cancellationToken));

        var events = await results.ReadSingleAsync<long>();
        var quarantined = await results.ReadSingleAsync<long>();
        var sources = await results.ReadSingleAsync<long>();
        var eventsByType = (await results.ReadAsync<NamedCount>()).ToDictionary(r => r.Name, r => r.Count, StringComparer.Ordinal);
        var nodesByKind = (await results.ReadAsync<KindCount>()).ToDictionary(
            r => ((NodeKind)r.Kind).ToString().ToLowerInvariant(), r => r.Count, StringComparer.Ordinal);
        var edgesByType = (await results.ReadAsync<NamedCount>()).ToDictionary(r => r.Name, r => r.Count, StringComparer.Ordinal);
        return new StoreStats(events, quarantined, sources, eventsByType, nodesByKind, edgesByType);
    }

    public async Task<IReadOnlyList<QuarantineEntry>> GetQuarantineAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<QuarantineRow>(new CommandDefinition(
            """
            SELECT source AS Source, content_hash AS ContentHash, line AS Line, reason AS Reason, raw AS Raw,
                   quarantined_at AS QuarantinedAt
            FROM quarantine
            ORDER BY quarantined_at DESC, content_hash, line
            LIMIT @limit
            """, new { limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }
}
