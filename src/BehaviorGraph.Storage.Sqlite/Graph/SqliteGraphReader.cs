using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Storage.Sqlite.Graph;

/// <summary>Streams nodes and edges row by row with a forward-only reader.</summary>
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
        command.Parameters.AddWithValue("$types", TypeFilter.Json(types));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new TypeFilter.Names();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new GraphEdge(
                reader.GetInt64(0), reader.GetInt64(1), names.Intern(reader.GetString(2)),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetDouble(6));
        }
    }
}
