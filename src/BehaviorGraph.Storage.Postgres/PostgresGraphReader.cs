using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// Streams nodes and edges straight off the wire with a sequential data reader; nothing is buffered beyond the row
/// being read, so a projection of any size costs the store constant memory.
/// </summary>
internal sealed class PostgresGraphReader(NpgsqlDataSource dataSource) : IGraphReader
{
    // An empty array means all types; unnamed statements are planned with the parameter's value, so the
    // unused branch of the OR costs nothing.
    private const string Edges =
        """
        SELECT src, dst, type, count, first_ts, last_ts, value_sum FROM edges
        WHERE cardinality(@types) = 0 OR type = ANY(@types)
        ORDER BY src, dst, type
        """;

    public async IAsyncEnumerable<GraphNode> ReadNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, kind, key, first_seen, last_seen FROM nodes ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new GraphNode(
                reader.GetInt64(0), (NodeKind)reader.GetInt16(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4));
        }
    }

    public async IAsyncEnumerable<GraphEdge> ReadEdgesAsync(
        IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Edges, connection);
        AddTypes(command, types);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        var typeNames = new TypeNameCache();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new GraphEdge(
                reader.GetInt64(0), reader.GetInt64(1), typeNames.Get(reader.GetString(2)),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetDouble(6));
        }
    }

    internal static void AddTypes(NpgsqlCommand command, IReadOnlyCollection<string>? types) =>
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = types is null ? Array.Empty<string>() : types.ToArray(),
        });
}
