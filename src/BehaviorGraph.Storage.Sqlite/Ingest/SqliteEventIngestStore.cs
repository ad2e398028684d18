using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Dapper;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// Writes event batches into the embedded store, one transaction per batch. The per-event statements are
/// prepared once and re-bound (rather than going through Dapper) because they run a million times per file;
/// everything else uses Dapper.
/// </summary>
internal sealed class SqliteEventIngestStore(SqliteConnectionFactory connections) : IEventIngestStore, IAsyncDisposable
{
    // Node ids never change once committed, so the writer caches every node (loaded once, then kept up to date);
    // past this size it is dropped after each batch so a long-running host does not hold a huge graph's keys.
    private const int MaxCachedNodes = 4_000_000;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly EdgeTypeCodes _edgeTypes = new();
    private NodeCache? _nodes;
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
    }

    public async Task<BatchWriteResult> WriteBatchAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _connection ??= await connections.OpenAsync(cancellationToken);
            _statements ??= new BatchStatements(_connection);
            return WriteBatch(_connection, _statements, batch, cancellationToken);
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

    private BatchWriteResult WriteBatch(SqliteConnection connection, BatchStatements s, EventBatch batch, CancellationToken cancellationToken)
    {
        var created = new List<int>();
        var dirty = new List<int>();
        var edges = new Dictionary<EdgeKey, EdgeDelta>();
        var usesDevice = _edgeTypes.CodeOf(EdgeTypes.UsesDevice);
        var usesIp = _edgeTypes.CodeOf(EdgeTypes.UsesIp);
        var inserted = 0;
        var duplicates = 0;

        using var transaction = connection.BeginTransaction(deferred: false);
        var nodes = _nodes ??= new NodeCache();
        try
        {
            nodes.CatchUp(connection);
            foreach (var e in batch.Events)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ts = e.TimestampMs;
                var actor = nodes.Resolve(new NodeKey(NodeKind.Account, e.Actor), ts, created);
                var target = e.Target is null ? -1
                    : nodes.Resolve(new NodeKey(e.TargetKind == TargetKind.Content ? NodeKind.Content : NodeKind.Account, e.Target), ts, created);
                var device = e.Device is null ? -1 : nodes.Resolve(new NodeKey(NodeKind.Device, e.Device), ts, created);
                var ip = e.Ip is null ? -1 : nodes.Resolve(new NodeKey(NodeKind.Ip, e.Ip), ts, created);
                var actorId = nodes[actor].Id;
                var targetId = target < 0 ? 0 : nodes[target].Id;
                var deviceId = device < 0 ? 0 : nodes[device].Id;
                var ipId = ip < 0 ? 0 : nodes[ip].Id;

                if (!s.InsertEvent(e, actorId, targetId, deviceId, ipId))
                {
                    duplicates++;
                    continue;
                }

                inserted++;
                nodes.Touch(actor, ts, dirty);
                if (target >= 0)
                {
                    nodes.Touch(target, ts, dirty);
                    AddEdge(edges, new EdgeKey(actorId, targetId, _edgeTypes.CodeOf(e.Type)), ts, e.Value ?? 0d);
                }

                if (device >= 0)
                {
                    nodes.Touch(device, ts, dirty);
                    AddEdge(edges, new EdgeKey(actorId, deviceId, usesDevice), ts, 0d);
                }

                if (ip >= 0)
                {
                    nodes.Touch(ip, ts, dirty);
                    AddEdge(edges, new EdgeKey(actorId, ipId, usesIp), ts, 0d);
                }
            }

            WriteNodes(s, nodes, created, dirty);
            WriteEdges(s, edges);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var row in batch.Quarantined)
            {
                s.InsertQuarantine(batch.Source, row, now);
            }

            s.AdvanceSource(batch.Source, batch.LastLine, inserted, duplicates, batch.Quarantined.Count, now);
            transaction.Commit();
        }
        catch
        {
            // The cache holds ids and ranges of the rolled-back batch: drop it; the next batch reloads from the table.
            _nodes = null;
            transaction.Rollback();
            throw;
        }

        foreach (var slot in created)
        {
            nodes[slot].IsNew = false;
        }

        if (nodes.Count > MaxCachedNodes)
        {
            _nodes = null;
        }

        return new BatchWriteResult(inserted, duplicates, batch.Quarantined.Count);
    }

    /// <summary>New nodes in id order (appended to the table), then widened ranges in id order.</summary>
    private static void WriteNodes(BatchStatements s, NodeCache nodes, List<int> created, List<int> dirty)
    {
        foreach (var slot in created)
        {
            ref var state = ref nodes[slot];
            s.InsertNode(state.Id, nodes.KeyOf(slot), state.First, state.Last);
        }

        dirty.Sort((a, b) => nodes[a].Id.CompareTo(nodes[b].Id));
        foreach (var slot in dirty)
        {
            ref var state = ref nodes[slot];
            s.UpdateSeen(state.Id, state.First, state.Last);
            state.Dirty = false;
        }
    }

    /// <summary>Upserts in key order, so the edge B-tree's working set is the pages this batch touches.</summary>
    private void WriteEdges(BatchStatements s, Dictionary<EdgeKey, EdgeDelta> edges)
    {
        var keys = new EdgeKey[edges.Count];
        var deltas = new EdgeDelta[edges.Count];
        edges.Keys.CopyTo(keys, 0);
        edges.Values.CopyTo(deltas, 0);
        Array.Sort(keys, deltas);
        for (var i = 0; i < keys.Length; i++)
        {
            s.UpsertEdge(keys[i].Source, keys[i].Target, _edgeTypes.NameOf(keys[i].TypeCode), deltas[i]);
        }
    }

    private static void AddEdge(Dictionary<EdgeKey, EdgeDelta> edges, EdgeKey key, long timestampMs, double value)
    {
        ref var delta = ref CollectionsMarshal.GetValueRefOrAddDefault(edges, key, out _);
        delta.Add(timestampMs, value);
    }

    private sealed record SourceRow(string ContentHash, string Name, long LastLine, long Inserted, long Duplicates, long Quarantined, long? CompletedAt)
    {
        public SourceProgress ToProgress() => new(
            ContentHash, Name, LastLine, Inserted, Duplicates, Quarantined,
            CompletedAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }
}
