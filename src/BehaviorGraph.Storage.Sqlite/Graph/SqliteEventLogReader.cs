using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Storage.Sqlite.Graph;

/// <summary>Streams the event log row by row with a forward-only reader.</summary>
internal sealed class SqliteEventLogReader(SqliteConnectionFactory connections) : IEventLogReader
{
    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async IAsyncEnumerable<EventRow> ReadEventsAsync(EventSpan span, IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT ts, type, actor, target, value, device, ip FROM events " +
            "WHERE seq > $after AND seq <= $through AND ($types IS NULL OR type IN (SELECT value FROM json_each($types))) ORDER BY seq";
        command.Parameters.AddWithValue("$after", span.AfterSequence);
        command.Parameters.AddWithValue("$through", span.ThroughSequence);
        command.Parameters.AddWithValue("$types", TypeFilter.Json(types));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new TypeFilter.Names();
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
}
