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

    /// <remarks>
    /// Rows are stepped through SQLite's C API (<see cref="RawStatement"/>): analysis reads the whole log, and per row
    /// the ADO.NET reader's column checks and the type string it allocates cost more than SQLite's own work.
    /// </remarks>
    public async IAsyncEnumerable<EventRow> ReadEventsAsync(EventSpan span, IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var query = new RawStatement(connection.Handle!,
            "SELECT ts, type, actor, target, value, device, ip FROM events " +
            "WHERE seq > ?1 AND seq <= ?2 AND (?3 IS NULL OR type IN (SELECT value FROM json_each(?3))) ORDER BY seq");
        query.Bind(1, span.AfterSequence).Bind(2, span.ThroughSequence).Bind(3, TypeFilter.Json(types) as string);
        var names = new TypeFilter.Names();
        for (var row = 0L; query.Read(); row++)
        {
            if ((row & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return new EventRow(
                query.Int64(0), names.Intern(query.Utf8(1)), query.Int64(2),
                query.IsNull(3) ? 0 : query.Int64(3),
                query.IsNull(4) ? null : query.Double(4),
                query.IsNull(5) ? 0 : query.Int64(5),
                query.IsNull(6) ? 0 : query.Int64(6));
        }
    }
}
