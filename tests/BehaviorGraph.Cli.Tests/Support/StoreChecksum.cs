using System.IO.Hashing;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Cli.Tests.Support;

/// <summary>A hash over an embedded store's event log and graph, independent of row ids and insertion order.</summary>
public static class StoreChecksum
{
    public static async Task<string> OfAsync(string dbPath)
    {
        await using var connection = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        var hash = new XxHash128();
        foreach (var sql in new[]
        {
            """
            SELECT e.event_id || '|' || e.ts || '|' || e.type || '|' || a.key || '|' || coalesce(t.key, '') || '|' || coalesce(e.value, '')
            FROM events e JOIN nodes a ON a.id = e.actor LEFT JOIN nodes t ON t.id = e.target ORDER BY e.event_id
            """,
            """
            SELECT s.key || '>' || d.key || ':' || e.type || '=' || e.count || '/' || e.first_ts || '/' || e.last_ts || '/' || e.value_sum
            FROM edges e JOIN nodes s ON s.id = e.src JOIN nodes d ON d.id = e.dst ORDER BY 1
            """,
            "SELECT kind || ':' || key || '=' || first_seen || '/' || last_seen FROM nodes ORDER BY 1",
        })
        {
            foreach (var row in await connection.QueryAsync<string>(sql))
            {
                hash.Append(Encoding.UTF8.GetBytes(row + "\n"));
            }
        }

        return Convert.ToHexString(hash.GetCurrentHash());
    }
}
