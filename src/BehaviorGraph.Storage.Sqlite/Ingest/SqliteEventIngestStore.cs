using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// Writes event batches into the embedded store, one transaction per batch. Preparing a batch (on the ingest
/// pipeline's own stage) resolves its node keys to slots of an in-memory node directory and aggregates its
/// node ranges and edges; the writer then only assigns ids to new nodes and drives prepared statements, which
/// bypass ADO.NET because they run a million times per file. Everything else uses Dapper.
/// </summary>
internal sealed class SqliteEventIngestStore(SqliteConnectionFactory connections) : IPreparingEventIngestStore, IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly NodeDirectory _directory = new();
    private readonly EdgeTypeCodes _edgeTypes = new();
    private SqliteConnection? _connection;
    private BatchStatements? _statements;

    public async Task<SourceProgress?> GetProgressAsync(string contentHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SourceRow>(new CommandDefinition(
            """
            SELECT content_hash AS ContentHash, name AS Name, last_line AS LastLine, inserted AS Inserted,
                   duplicates AS Duplicates, quarantined AS Quarantined, completed_at AS CompletedAt
            FROM ingest_sources WHERE content_hash = @contentHash
            """,
            new { contentHash }, cancellationToken: cancellationToken));
        return row?.ToProgress();
    }

    public async Task CompleteSourceAsync(IngestSource source, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ingest_sources (content_hash, name, last_line, inserted, duplicates, quarantined, updated_at, completed_at)
            VALUES (@hash, @name, 0, 0, 0, 0, @now, @now)
            ON CONFLICT (content_hash) DO UPDATE SET completed_at = @now, updated_at = @now, name = @name
            """,
            new { hash = source.ContentHash, name = source.Name, now }, cancellationToken: cancellationToken));

        // Leave the finished source in the database file, not only in the write-ahead log (PASSIVE: never waits for readers).
        var lap = IngestProfile.Start();
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE)", cancellationToken: cancellationToken));
        IngestProfile.Lap(lap, "complete: checkpoint");
    }

    public Task<BatchWriteResult> WriteBatchAsync(EventBatch batch, CancellationToken cancellationToken) =>
        WriteBatchAsync(Prepare(batch), cancellationToken);

    public PreparedBatch Prepare(EventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var events = batch.Events;
        var lap = IngestProfile.Start();
        var slots = new EventSlots(events.Count);
        byte[][] typeNames;
        int usesDevice, usesIp;
        using (_directory.Gate.EnterScope())
        {
            usesDevice = _edgeTypes.CodeOf(EdgeTypes.UsesDevice);
            usesIp = _edgeTypes.CodeOf(EdgeTypes.UsesIp);
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                slots.EventId[i] = e.EventId;
                slots.Actor[i] = _directory.SlotOf(new NodeKey(NodeKind.Account, e.Actor));
                slots.Target[i] = e.Target is null ? -1
                    : _directory.SlotOf(new NodeKey(e.TargetKind == TargetKind.Content ? NodeKind.Content : NodeKind.Account, e.Target));
                slots.Device[i] = e.Device is null ? -1 : _directory.SlotOf(new NodeKey(NodeKind.Device, e.Device));
                slots.Ip[i] = e.Ip is null ? -1 : _directory.SlotOf(new NodeKey(NodeKind.Ip, e.Ip));
                slots.TypeCode[i] = _edgeTypes.CodeOf(e.Type);
                slots.TimestampMs[i] = e.TimestampMs;
                slots.Value[i] = e.Value ?? 0d;
                slots.HasValue[i] = e.Value.HasValue;
            }

            typeNames = _edgeTypes.Utf8Names();
        }

        lap = IngestProfile.Lap(lap, "prepare: node slots");
        var aggregates = BatchAggregates.Compute(slots, usesDevice, usesIp, skip: null);
        IngestProfile.Lap(lap, "prepare: aggregate");
        return new SqlitePreparedBatch(batch, _directory, slots, aggregates, typeNames, usesDevice, usesIp);
    }

    public async Task<BatchWriteResult> WriteBatchAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch is not SqlitePreparedBatch prepared || prepared.Directory != _directory)
        {
            throw new ArgumentException("The batch was not prepared by this store.", nameof(batch));
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _connection ??= await connections.OpenAsync(cancellationToken);
            _statements ??= new BatchStatements(_connection);
            return WriteBatch(_connection, _statements, prepared, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _statements?.Dispose();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _writeLock.Dispose();
    }

    private BatchWriteResult WriteBatch(SqliteConnection connection, BatchStatements s, SqlitePreparedBatch batch, CancellationToken cancellationToken)
    {
        var directory = _directory;
        var slots = batch.Slots;
        var knownBefore = directory.KnownMaxId;
        var newIdsAbove = long.MaxValue;
        var widened = new List<NodeRangeUndo>();
        bool[]? duplicate = null;
        var inserted = 0;
        var duplicates = 0;

        var lap = IngestProfile.Start();
        using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            directory.CatchUp(connection);
            newIdsAbove = directory.KnownMaxId;
            lap = IngestProfile.Lap(lap, "write: begin, catch up");
            for (var i = 0; i < slots.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var actor = IdOf(directory, slots.Actor[i]);
                var target = slots.Target[i] < 0 ? 0 : IdOf(directory, slots.Target[i]);
                var device = slots.Device[i] < 0 ? 0 : IdOf(directory, slots.Device[i]);
                var ip = slots.Ip[i] < 0 ? 0 : IdOf(directory, slots.Ip[i]);
                if (s.InsertEvent(slots, i, batch.TypeNames[slots.TypeCode[i]], actor, target, device, ip))
                {
                    inserted++;
                }
                else
                {
                    duplicates++;
                    (duplicate ??= new bool[slots.Count])[i] = true;
                }
            }

            lap = IngestProfile.Lap(lap, "write: events");
            var graph = duplicate is null ? batch.Aggregates : BatchAggregates.Compute(slots, batch.UsesDevice, batch.UsesIp, duplicate);
            lap = IngestProfile.Lap(lap, "write: re-aggregate without duplicates");
            WriteNodes(s, directory, batch.Aggregates.Nodes, graph.Nodes, newIdsAbove, widened);
            lap = IngestProfile.Lap(lap, "write: nodes");
            WriteEdges(s, directory, graph.Edges, batch.TypeNames);
            lap = IngestProfile.Lap(lap, "write: edges");
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var row in batch.Quarantined)
            {
                s.InsertQuarantine(batch.Source, row, now);
            }

            s.AdvanceSource(batch.Source, batch.LastLine, inserted, duplicates, batch.Quarantined.Count, now);
            lap = IngestProfile.Lap(lap, "write: quarantine, progress");
            transaction.Commit();
            IngestProfile.Lap(lap, "write: commit");
        }
        catch
        {
            transaction.Rollback();
            Forget(directory, batch.Aggregates.Nodes, widened, newIdsAbove, knownBefore);
            throw;
        }

        return new BatchWriteResult(inserted, duplicates, batch.Quarantined.Count);
    }

    /// <summary>The node's id, assigning the next one when no committed row has the node yet.</summary>
    private static long IdOf(NodeDirectory directory, int slot)
    {
        ref var state = ref directory[slot];
        if (state.Id == 0)
        {
            state.Id = ++directory.KnownMaxId;
        }

        return state.Id;
    }

    /// <summary>
    /// Inserts the nodes this transaction gave ids, then widens the stored range of existing nodes that events new
    /// to the log fall outside of. A new node's range spans the batch's new events that touch it; a node only
    /// duplicates refer to takes the range of those references.
    /// </summary>
    private static void WriteNodes(
        BatchStatements s, NodeDirectory directory, NodeRange[] referenced, NodeRange[] touched, long newIdsAbove, List<NodeRangeUndo> widened)
    {
        foreach (var range in referenced)
        {
            ref var state = ref directory[range.Slot];
            if (state.Id > newIdsAbove)
            {
                var own = ReferenceEquals(touched, referenced) ? range : Find(touched, range.Slot) ?? range;
                state.First = own.FirstMs;
                state.Last = own.LastMs;
                s.InsertNode(state.Id, directory.KeyOf(range.Slot), own.FirstMs, own.LastMs);
            }
        }

        foreach (var range in touched)
        {
            ref var state = ref directory[range.Slot];
            if (state.Id <= newIdsAbove && (range.FirstMs < state.First || range.LastMs > state.Last))
            {
                widened.Add(new NodeRangeUndo(range.Slot, state.First, state.Last));
                state.First = Math.Min(state.First, range.FirstMs);
                state.Last = Math.Max(state.Last, range.LastMs);
                s.UpdateSeen(state.Id, state.First, state.Last);
            }
        }
    }

    private static NodeRange? Find(NodeRange[] sortedBySlot, int slot)
    {
        int low = 0, high = sortedBySlot.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var at = sortedBySlot[mid].Slot;
            if (at == slot)
            {
                return sortedBySlot[mid];
            }

            if (at < slot)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return null;
    }

    private static void WriteEdges(BatchStatements s, NodeDirectory directory, EdgeAggregate[] edges, byte[][] typeNames)
    {
        foreach (ref readonly var edge in edges.AsSpan())
        {
            s.UpsertEdge(directory[edge.Source].Id, directory[edge.Target].Id, typeNames[edge.TypeCode], edge);
        }
    }

    /// <summary>Takes back what a rolled-back transaction taught the directory: the ids it assigned and the ranges it widened.</summary>
    private static void Forget(NodeDirectory directory, NodeRange[] referenced, List<NodeRangeUndo> widened, long newIdsAbove, long knownBefore)
    {
        foreach (var range in referenced)
        {
            ref var state = ref directory[range.Slot];
            if (state.Id > newIdsAbove)
            {
                state = default;
            }
        }

        for (var i = widened.Count - 1; i >= 0; i--)
        {
            ref var state = ref directory[widened[i].Slot];
            state.First = widened[i].FirstMs;
            state.Last = widened[i].LastMs;
        }

        // Nodes caught up from other writers' commits stay known; only this transaction's ids are returned.
        directory.KnownMaxId = newIdsAbove == long.MaxValue ? knownBefore : newIdsAbove;
    }

    private sealed record SourceRow(string ContentHash, string Name, long LastLine, long Inserted, long Duplicates, long Quarantined, long? CompletedAt)
    {
        public SourceProgress ToProgress() => new(
            ContentHash, Name, LastLine, Inserted, Duplicates, Quarantined,
            CompletedAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }
}
