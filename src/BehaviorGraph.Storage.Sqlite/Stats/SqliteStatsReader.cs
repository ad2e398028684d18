using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Dapper;

namespace BehaviorGraph.Storage.Sqlite.Stats;

internal sealed class SqliteStatsReader(SqliteConnectionFactory connections) : IStatsReader
{
    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var byType = await connection.QueryAsync<(string Type, long Count)>(new CommandDefinition(
            "SELECT type, count(*) FROM events GROUP BY type ORDER BY type", cancellationToken: cancellationToken));
        var byKind = await connection.QueryAsync<(long Kind, long Count)>(new CommandDefinition(
            "SELECT kind, count(*) FROM nodes GROUP BY kind ORDER BY kind", cancellationToken: cancellationToken));
        var byEdge = await connection.QueryAsync<(string Type, long Count)>(new CommandDefinition(
            "SELECT type, count(*) FROM edges GROUP BY type ORDER BY type", cancellationToken: cancellationToken));
        var quarantined = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM quarantine", cancellationToken: cancellationToken));
        var sources = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM ingest_sources WHERE completed_at IS NOT NULL", cancellationToken: cancellationToken));

        var eventsByType = byType.ToDictionary(r => r.Type, r => r.Count, StringComparer.Ordinal);
        return new StoreStats(
            eventsByType.Values.Sum(),
            quarantined,
            sources,
            eventsByType,
            byKind.ToDictionary(r => ((NodeKind)r.Kind).ToString().ToLowerInvariant(), r => r.Count, StringComparer.Ordinal),
            byEdge.ToDictionary(r => r.Type, r => r.Count, StringComparer.Ordinal));
    }

    public async Task<IReadOnlyList<QuarantineEntry>> GetQuarantineAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Source, string Hash, long Line, string Reason, string Raw, long At)>(new CommandDefinition(
            """
            SELECT source, content_hash, line, reason, raw, quarantined_at FROM quarantine
            ORDER BY quarantined_at DESC, content_hash, line LIMIT @limit
            """,
            new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new QuarantineEntry(r.Source, r.Hash, r.Line, r.Reason, r.Raw, DateTimeOffset.FromUnixTimeMilliseconds(r.At))).ToList();
    }
}
