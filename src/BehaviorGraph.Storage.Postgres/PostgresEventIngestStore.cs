using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// Writes batches in one transaction each: nodes the process has not seen are inserted (or found, if another writer
/// has them) and their ids read back; the events go in with node ids through one binary COPY into a
/// transaction-scoped staging table and one INSERT that keeps the first occurrence of each new event id; edges and
/// node times then change only through the events really inserted. Node ids are cached for the life of the store
/// (<see cref="PostgresNodeDirectory"/>), so the database never joins a batch against the nodes table.
/// </summary>
internal sealed class PostgresEventIngestStore(NpgsqlDataSource dataSource, TimeProvider clock) : IEventIngestStore
{
    private const long EventAppendLockKey = 0x4247_4576_656E_7473; // "BGEvents"

    private const int MaxAttempts = 3;
    private readonly PostgresNodeDirectory _directory = new();

    public async Task<SourceProgress?> GetProgressAsync(string contentHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SourceRow>(new CommandDefinition(
            """
            SELECT content_hash AS ContentHash, name AS Name, last_line AS LastLine, inserted AS Inserted,
                   duplicates AS Duplicates, quarantined AS Quarantined, completed_at AS CompletedAt
            FROM ingest_sources WHERE content_hash = @contentHash
            """, new { contentHash }, cancellationToken: cancellationToken));
        return row?.ToProgress();
    }

    public async Task<BatchWriteResult> WriteBatchAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(batch.Source);

        // A batch is atomic and idempotent, so one that lost a deadlock or serialization race to a concurrent
        // writer, or met an event id that writer committed after this batch looked, is simply written again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(batch, cancellationToken);
            }
            catch (PostgresException ex) when (attempt < MaxAttempts
                && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation)
            {
            }
        }
    }

    public async Task CompleteSourceAsync(IngestSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ingest_sources
                (content_hash, name, last_line, inserted, duplicates, quarantined, updated_at, completed_at)
            VALUES (@ContentHash, @Name, 0, 0, 0, 0, @now, @now)
            ON CONFLICT (content_hash) DO UPDATE
            SET name = excluded.name, updated_at = excluded.updated_at, completed_at = excluded.completed_at
            """, new { source.ContentHash, source.Name, now }, cancellationToken: cancellationToken));
    }

    private async Task<BatchWriteResult> WriteOnceAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lap = IngestProfile.Start();
        var first = FirstOccurrences(batch.Events);
        var ids = _directory.LookUp(batch.Events, first);
        lap = IngestProfile.Lap(lap, "prepare: node ids from the directory");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var inserted = 0;
        var learned = new List<KeyValuePair<PostgresNodeDirectory.NodeRef, long>>();
        if (batch.Events.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                IngestSql.CreateStaging, transaction: transaction, cancellationToken: cancellationToken));
            lap = IngestProfile.Lap(lap, "write: begin, staging tables");
            if (ids.Unknown.Count > 0)
            {
                await AddNodesAsync(connection, transaction, ids, learned, cancellationToken);
                lap = IngestProfile.Lap(lap, "write: insert new nodes, read their ids");
            }

            await CopyEventsAsync(connection, batch.Events, first, ids, cancellationToken);
            lap = IngestProfile.Lap(lap, "write: copy into staging");
            // Event sequence numbers are drawn at insert; one appender at a time makes them grow in commit order, so an
            // analysis run that read through sequence N has seen every event numbered up to N (EventSpan).
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = EventAppendLockKey }, transaction, cancellationToken: cancellationToken));
            foreach (var (phase, sql) in IngestSql.Merge)
            {
                var rows = await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
                if (ReferenceEquals(sql, IngestSql.InsertEvents))
                {
                    inserted = rows;
                }

                lap = IngestProfile.Lap(lap, phase);
            }
        }

        if (batch.Quarantined.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                IngestSql.InsertQuarantine,
                new
                {
                    hash = batch.Source.ContentHash,
                    source = batch.Source.Name,
                    now,
                    lines = batch.Quarantined.Select(q => q.Line).ToArray(),
                    reasons = batch.Quarantined.Select(q => q.Reason).ToArray(),
                    raws = batch.Quarantined.Select(q => PostgresText.Clean(q.Raw)).ToArray(),
                },
                transaction, cancellationToken: cancellationToken));
        }

        var duplicates = batch.Events.Count - inserted;
        await connection.ExecuteAsync(new CommandDefinition(
            IngestSql.UpsertSource,
            new
            {
                batch.Source.ContentHash,
                batch.Source.Name,
                batch.LastLine,
                inserted,
                duplicates,
                quarantined = batch.Quarantined.Count,
                now,
            },
            transaction, cancellationToken: cancellationToken));
        lap = IngestProfile.Lap(lap, "write: quarantine, progress");

        await transaction.CommitAsync(cancellationToken);
        _directory.Learn(learned);
        IngestProfile.Lap(lap, "write: commit");
        return new BatchWriteResult(inserted, duplicates, batch.Quarantined.Count);
    }

    /// <summary>
    /// Inserts the nodes the directory does not know, in key order (fewer lock waits between writers), each with the
    /// range of the batch's references to it; a node another writer has is left as it is. Then reads the ids of all of
    /// them, which the directory learns once the transaction commits.
    /// </summary>
    private static async Task AddNodesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BatchNodeIds ids,
        List<KeyValuePair<PostgresNodeDirectory.NodeRef, long>> learned, CancellationToken cancellationToken)
    {
        var unknown = ids.Unknown;
        var kinds = new short[unknown.Count];
        var keys = new string[unknown.Count];
        var firsts = new long[unknown.Count];
        var lasts = new long[unknown.Count];
        for (var i = 0; i < unknown.Count; i++)
        {
            (kinds[i], keys[i]) = ((short)unknown[i].Node.Kind, unknown[i].Node.Key);
            (firsts[i], lasts[i]) = unknown[i].Range;
        }

        var rows = await connection.QueryAsync<NodeIdRow>(new CommandDefinition(
            IngestSql.AddNodes, new { kinds, keys, firsts, lasts }, transaction, cancellationToken: cancellationToken));
        var found = new Dictionary<PostgresNodeDirectory.NodeRef, long>(unknown.Count);
        foreach (var row in rows)
        {
            found[new PostgresNodeDirectory.NodeRef((NodeKind)row.Kind, row.Key)] = row.Id;
        }

        var resolved = new long[unknown.Count];
        for (var i = 0; i < unknown.Count; i++)
        {
            resolved[i] = found.TryGetValue(unknown[i].Node, out var id) ? id
                : throw new InvalidOperationException($"Node {unknown[i].Node} was neither inserted nor found.");
        }

        ids.Resolve(resolved);
        learned.AddRange(found);
    }

    /// <summary>Whether each event is the first in the batch with its id: only those are staged (first occurrence wins).</summary>
    private static bool[] FirstOccurrences(IReadOnlyList<InteractionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var seen = new HashSet<string>(events.Count, StringComparer.Ordinal);
        var first = new bool[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            first[i] = seen.Add((events[i] ?? throw new ArgumentException($"Event {i} of the batch is null.", nameof(events))).EventId);
        }

        return first;
    }

    private static async Task CopyEventsAsync(
        NpgsqlConnection connection, IReadOnlyList<InteractionEvent> events, bool[] staged, BatchNodeIds ids, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(IngestSql.CopyStaging, cancellationToken);
        for (var i = 0; i < events.Count; i++)
        {
            if (!staged[i])
            {
                continue;
            }

            var e = events[i];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(e.EventId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(e.TimestampMs, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(e.Type, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(ids.Actor[i], NpgsqlDbType.Bigint, cancellationToken);
            await WriteIdAsync(importer, ids.Target[i], cancellationToken);
            if (e.Value is { } value)
            {
                await importer.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken);
            }

            await WriteIdAsync(importer, ids.Device[i], cancellationToken);
            await WriteIdAsync(importer, ids.Ip[i], cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteIdAsync(NpgsqlBinaryImporter importer, long id, CancellationToken cancellationToken)
    {
        if (id == 0)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
        }
    }

    private sealed record NodeIdRow(long Id, short Kind, string Key);
}
