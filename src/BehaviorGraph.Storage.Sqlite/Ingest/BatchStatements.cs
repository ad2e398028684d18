using BehaviorGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>The prepared statements one ingest connection re-binds for every row of every batch.</summary>
internal sealed class BatchStatements : IDisposable
{
    private readonly RawStatement _insertEvent;
    private readonly RawStatement _insertNode;
    private readonly RawStatement _updateSeen;
    private readonly RawStatement _upsertEdge;
    private readonly RawStatement _insertQuarantine;
    private readonly RawStatement _advanceSource;

    public BatchStatements(SqliteConnection connection)
    {
        var db = connection.Handle!;
        _insertEvent = new RawStatement(db,
            """
            INSERT INTO events (event_id, ts, type, actor, target, value, device, ip)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT (event_id) DO NOTHING
            """);
        _insertNode = new RawStatement(db, "INSERT INTO nodes (id, kind, key, first_seen, last_seen) VALUES (?1, ?2, ?3, ?4, ?5)");
        _updateSeen = new RawStatement(db,
            "UPDATE nodes SET first_seen = min(first_seen, ?2), last_seen = max(last_seen, ?3) WHERE id = ?1");
        _upsertEdge = new RawStatement(db,
            """
            INSERT INTO edges (src, dst, type, count, first_ts, last_ts, value_sum)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (src, dst, type) DO UPDATE SET
                count = count + excluded.count,
                first_ts = min(first_ts, excluded.first_ts),
                last_ts = max(last_ts, excluded.last_ts),
                value_sum = value_sum + excluded.value_sum
            """);
        _insertQuarantine = new RawStatement(db,
            """
            INSERT INTO quarantine (content_hash, line, source, reason, raw, quarantined_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (content_hash, line) DO NOTHING
            """);
        _advanceSource = new RawStatement(db,
            """
            INSERT INTO ingest_sources (content_hash, name, last_line, inserted, duplicates, quarantined, updated_at, completed_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)
            ON CONFLICT (content_hash) DO UPDATE SET
                name = excluded.name,
                last_line = max(last_line, excluded.last_line),
                inserted = inserted + excluded.inserted,
                duplicates = duplicates + excluded.duplicates,
                quarantined = quarantined + excluded.quarantined,
                updated_at = excluded.updated_at
            """);
    }

    /// <summary>Inserts event <paramref name="i"/> of the batch unless its id is already in the log; true when it was new.</summary>
    public bool InsertEvent(EventSlots events, int i, ReadOnlySpan<byte> typeUtf8, long actor, long target, long device, long ip) =>
        _insertEvent.Bind(1, events.EventId[i]).Bind(2, events.TimestampMs[i]).BindUtf8(3, typeUtf8).Bind(4, actor)
            .BindNullable(5, target).Bind(6, events.HasValue[i] ? events.Value[i] : (double?)null).BindNullable(7, device).BindNullable(8, ip)
            .Execute() == 1;

    public void InsertNode(long id, NodeKey key, long first, long last) =>
        _insertNode.Bind(1, id).Bind(2, (long)key.Kind).Bind(3, key.Key).Bind(4, first).Bind(5, last).Execute();

    public void UpdateSeen(long id, long first, long last) =>
        _updateSeen.Bind(1, id).Bind(2, first).Bind(3, last).Execute();

    public void UpsertEdge(long source, long target, ReadOnlySpan<byte> typeUtf8, in EdgeAggregate delta) =>
        _upsertEdge.Bind(1, source).Bind(2, target).BindUtf8(3, typeUtf8).Bind(4, delta.Count)
            .Bind(5, delta.FirstMs).Bind(6, delta.LastMs).Bind(7, delta.ValueSum).Execute();

    public void InsertQuarantine(IngestSource source, QuarantinedRow row, long now) =>
        _insertQuarantine.Bind(1, source.ContentHash).Bind(2, row.Line).Bind(3, source.Name).Bind(4, row.Reason)
            .Bind(5, row.Raw.Length > QuarantinedRow.MaxRawLength ? row.Raw[..QuarantinedRow.MaxRawLength] : row.Raw)
            .Bind(6, now).Execute();

    public void AdvanceSource(IngestSource source, long lastLine, int inserted, int duplicates, int quarantined, long now) =>
        _advanceSource.Bind(1, source.ContentHash).Bind(2, source.Name).Bind(3, lastLine).Bind(4, inserted)
            .Bind(5, duplicates).Bind(6, quarantined).Bind(7, now).Execute();

    public void Dispose()
    {
        _insertEvent.Dispose();
        _insertNode.Dispose();
        _updateSeen.Dispose();
        _upsertEdge.Dispose();
        _insertQuarantine.Dispose();
        _advanceSource.Dispose();
    }
}
