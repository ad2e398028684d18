using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Storage.Sqlite.Graph;

/// <summary>Streams nodes, edges and the event log row by row with a forward-only reader.</summary>
internal sealed class SqliteGraphReader(SqliteConnectionFactory connections) : IGraphReader
{
    public async IAsyncEnumerable<GraphNode> ReadNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, key, first_seen, last_seen FROM nodes ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new GraphNode(reader.GetInt64(0), (NodeKind)reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4));
        }
    }

    public async IAsyncEnumerable<GraphEdge> ReadEdgesAsync(IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT src, dst, type, count, first_ts, last_ts, value_sum FROM edges " +
            "WHERE $types IS NULL OR type IN (SELECT value FROM json_each($types))";
        command.Parameters.AddWithValue("$types", TypesJson(types));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new TypeNames();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new GraphEdge(
                reader.GetInt64(0), reader.GetInt64(1), names.Intern(reader.GetString(2)),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetDouble(6));
        }
    }

    public async IAsyncEnumerable<EventRow> ReadEventsAsync(IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT ts, type, actor, target, value, device, ip FROM events " +
            "WHERE $types IS NULL OR type IN (SELECT value FROM json_each($types)) ORDER BY seq";
        command.Parameters.AddWithValue("$types", TypesJson(types));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new TypeNames();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new EventRow(
                reader.GetInt64(0), names.Intern(reader.GetString(1)), reader.GetInt64(2),
                reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? 0 : reader.GetInt64(5),
                reader.IsDBNull(6) ? 0 : reader.GetInt64(6));
        }
    }

    /// <summary>The requested types as one JSON array parameter (DBNull for all types), so the SQL text never varies.</summary>
    private static object TypesJson(IReadOnlyCollection<string>? types) =>
        types is null || types.Count == 0 ? DBNull.Value : System.Text.Json.JsonSerializer.Serialize(types);

    /// <summary>Hands out one string instance per distinct type so millions of rows share a handful of strings.</summary>
    private sealed class TypeNames
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

        public string Intern(string name)
        {
            if (_names.TryGetValue(name, out var existing))
            {
                return existing;
            }

            _names[name] = name;
            return name;
        }
    }
}
