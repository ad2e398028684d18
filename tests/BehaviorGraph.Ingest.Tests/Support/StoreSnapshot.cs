using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Ingest.Tests.Support;

/// <summary>Everything ingest writes to an embedded store, as sorted text, so two stores compare as equal or not.</summary>
internal sealed record StoreSnapshot(string Events, string Nodes, string Edges, string Quarantine, long EventCount)
{
    public static async Task<StoreSnapshot> ReadAsync(string dbPath)
    {
        await using var connection = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        async Task<string> All(string sql) => string.Join('\n', await connection.QueryAsync<string>(sql));
        return new StoreSnapshot(
            await All("SELECT e.event_id || ' ' || e.ts || ' ' || e.type || ' ' || a.key || ' ' || coalesce(t.key, '-') || ' ' || coalesce(e.value, '-') FROM events e JOIN nodes a ON a.id = e.actor LEFT JOIN nodes t ON t.id = e.target ORDER BY 1"),
            await All("SELECT kind || ':' || key || ' ' || first_seen || '-' || last_seen FROM nodes ORDER BY 1"),
            await All("SELECT s.key || '>' || d.key || ':' || e.type || '=' || e.count || '/' || e.value_sum || '/' || e.first_ts || '/' || e.last_ts FROM edges e JOIN nodes s ON s.id = e.src JOIN nodes d ON d.id = e.dst ORDER BY 1"),
            await All("SELECT line || ' ' || reason FROM quarantine ORDER BY line"),
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM events"));
    }
}
