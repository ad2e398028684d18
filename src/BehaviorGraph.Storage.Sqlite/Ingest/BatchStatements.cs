using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>The prepared statements one ingest connection re-binds for every row of every batch.</summary>
internal sealed class BatchStatements : IDisposable
{
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _findNode;
    private readonly SqliteCommand _insertNode;
    private readonly SqliteCommand _updateSeen;
    private readonly SqliteCommand _upsertEdge;
    private readonly SqliteCommand _insertQuarantine;
    private readonly SqliteCommand _advanceSource;
    private readonly SqliteCommand[] _all;

    public BatchStatements(SqliteConnection connection)
    {
        _insertEvent = Create(connection,
            """
            INSERT INTO events (event_id, ts, type, actor, target, value, device, ip)
            VALUES ($id, $ts, $type, $actor, $target, $value, $device, $ip)
            ON CONFLICT (event_id) DO NOTHING
            """,
            "$id", "$ts", "$type", "$actor", "$target", "$value", "$device", "$ip");
        _findNode = Create(connection, "SELECT id FROM nodes WHERE kind = $kind AND key = $key", "$kind", "$key");
        _insertNode = Create(connection,
            "INSERT INTO nodes (kind, key, first_seen, last_seen) VALUES ($kind, $key, $ts, $ts) RETURNING id",
            "$kind", "$key", "$ts");
        _updateSeen = Create(connection,
            "UPDATE nodes SET first_seen = min(first_seen, $first), last_seen = max(last_seen, $last) WHERE id = $id",
            "$id", "$first", "$last");
        _upsertEdge = Create(connection,
            """
            INSERT INTO edges (src, dst, type, count, first_ts, last_ts, value_sum)
            VALUES ($src, $dst, $type, $count, $first, $last, $sum)
            ON CONFLICT (src, dst, type) DO UPDATE SET
                count = count + excluded.count,
                first_ts = min(first_ts, excluded.first_ts),
                last_ts = max(last_ts, excluded.last_ts),
                value_sum = value_sum + excluded.value_sum
            """,
            "$src", "$dst", "$type", "$count", "$first", "$last", "$sum");
        _insertQuarantine = Create(connection,
            """
            INSERT INTO quarantine (content_hash, line, source, reason, raw, quarantined_at)
            VALUES ($hash, $line, $source, $reason, $raw, $now)
            ON CONFLICT (content_hash, line) DO NOTHING
            """,
            "$hash", "$line", "$source", "$reason", "$raw", "$now");
        _advanceSource = Create(connection,
            """
            INSERT INTO ingest_sources (content_hash, name, last_line, inserted, duplicates, quarantined, updated_at, completed_at)
            VALUES ($hash, $name, $line, $inserted, $duplicates, $quarantined, $now, NULL)
            ON CONFLICT (content_hash) DO UPDATE SET
                name = excluded.name,
                last_line = max(last_line, excluded.last_line),
                inserted = inserted + excluded.inserted,
                duplicates = duplicates + excluded.duplicates,
                quarantined = quarantined + excluded.quarantined,
                updated_at = excluded.updated_at
            """,
            "$hash", "$name", "$line", "$inserted", "$duplicates", "$quarantined", "$now");
        _all = [_insertEvent, _findNode, _insertNode, _updateSeen, _upsertEdge, _insertQuarantine, _advanceSource];
        foreach (var command in _all)
        {
            command.Prepare();
        }
    }

    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>Inserts the event unless its id is already in the log; true when it was new.</summary>
    public bool InsertEvent(InteractionEvent e, long actor, long target, long device, long ip)
    {
        var p = _insertEvent.Parameters;
        p[0].Value = e.EventId;
        p[1].Value = e.TimestampMs;
        p[2].Value = e.Type;
        p[3].Value = actor;
        p[4].Value = target == 0 ? DBNull.Value : target;
        p[5].Value = e.Value is { } v ? v : DBNull.Value;
        p[6].Value = device == 0 ? DBNull.Value : device;
        p[7].Value = ip == 0 ? DBNull.Value : ip;
        return _insertEvent.ExecuteNonQuery() == 1;
    }

    public long? FindNode(NodeKey key)
    {
        _findNode.Parameters[0].Value = (int)key.Kind;
        _findNode.Parameters[1].Value = key.Key;
        return _findNode.ExecuteScalar() is long id ? id : null;
    }

    public long InsertNode(NodeKey key, long timestampMs)
    {
        _insertNode.Parameters[0].Value = (int)key.Kind;
        _insertNode.Parameters[1].Value = key.Key;
        _insertNode.Parameters[2].Value = timestampMs;
        return (long)_insertNode.ExecuteScalar()!;
    }

    public void UpdateSeen(long id, SeenRange range)
    {
        _updateSeen.Parameters[0].Value = id;
        _updateSeen.Parameters[1].Value = range.First;
        _updateSeen.Parameters[2].Value = range.Last;
        _updateSeen.ExecuteNonQuery();
    }

    public void UpsertEdge(EdgeKey key, EdgeDelta delta)
    {
        var p = _upsertEdge.Parameters;
        p[0].Value = key.Source;
        p[1].Value = key.Target;
        p[2].Value = key.Type;
        p[3].Value = delta.Count;
        p[4].Value = delta.FirstMs;
        p[5].Value = delta.LastMs;
        p[6].Value = delta.ValueSum;
        _upsertEdge.ExecuteNonQuery();
    }

    public void InsertQuarantine(IngestSource source, QuarantinedRow row, long now)
    {
        var p = _insertQuarantine.Parameters;
        p[0].Value = source.ContentHash;
        p[1].Value = row.Line;
        p[2].Value = source.Name;
        p[3].Value = row.Reason;
        p[4].Value = row.Raw.Length > QuarantinedRow.MaxRawLength ? row.Raw[..QuarantinedRow.MaxRawLength] : row.Raw;
        p[5].Value = now;
        _insertQuarantine.ExecuteNonQuery();
    }

    public void AdvanceSource(IngestSource source, long lastLine, int inserted, int duplicates, int quarantined, long now)
    {
        var p = _advanceSource.Parameters;
        p[0].Value = source.ContentHash;
        p[1].Value = source.Name;
        p[2].Value = lastLine;
        p[3].Value = inserted;
        p[4].Value = duplicates;
        p[5].Value = quarantined;
        p[6].Value = now;
        _advanceSource.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Called only with the constant statements above; values are bound as parameters.")]
    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        return command;
    }
}
