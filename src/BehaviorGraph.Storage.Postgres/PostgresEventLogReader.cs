using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Npgsql;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>Streams the event log straight off the wire with a sequential data reader, in insertion order.</summary>
internal sealed class PostgresEventLogReader(NpgsqlDataSource dataSource) : IEventLogReader
{
    private const string Events =
        """
        SELECT ts, type, actor, target, value, device, ip FROM events
        WHERE seq > @after AND seq <= @through AND (cardinality(@types) = 0 OR type = ANY(@types))
        ORDER BY seq
        """;

    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM events", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async IAsyncEnumerable<EventRow> ReadEventsAsync(
        EventSpan span, IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Events, connection);
        command.Parameters.AddWithValue("after", span.AfterSequence);
        command.Parameters.AddWithValue("through", span.ThroughSequence);
        PostgresGraphReader.AddTypes(command, types);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        var typeNames = new TypeNameCache();
        while (await reader.ReadAsync(cancellationToken))
        {
            var ts = reader.GetInt64(0);
            var type = typeNames.Get(reader.GetString(1));
            var actor = reader.GetInt64(2);
            var target = reader.IsDBNull(3) ? 0 : reader.GetInt64(3);
            double? value = reader.IsDBNull(4) ? null : reader.GetDouble(4);
            var device = reader.IsDBNull(5) ? 0 : reader.GetInt64(5);
            var ip = reader.IsDBNull(6) ? 0 : reader.GetInt64(6);
            yield return new EventRow(ts, type, actor, target, value, device, ip);
        }
    }
}
