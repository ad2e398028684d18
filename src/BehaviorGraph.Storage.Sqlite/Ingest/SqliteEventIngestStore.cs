using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// Writes event batches into the embedded store, one transaction per batch. The per-event statements are
/// prepared once and re-bound (rather than going through Dapper) because they run a million times per file;
/// everything else uses Dapper.
/// </summary>
internal sealed class SqliteEventIngestStore(SqliteConnectionFactory connections) : IEventIngestStore, IAsyncDisposable
{
    // Node ids never change once committed, so a process-wide cache is safe; it is bounded so that a
    // long-running host does not keep every key of a huge graph in memory.
    private const int MaxCachedNodes = 4_000_000;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<NodeKey, long> _nodeIds = [];
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
        var pendingNodes = new Dictionary<NodeKey, long>();
        var seen = new Dictionary<long, SeenRange>();
        var edges = new Dictionary<EdgeKey, EdgeDelta>();
        var inserted = 0;
        var duplicates = 0;

        using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            s.Enlist(transaction);
            foreach (var e in batch.Events)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var actor = ResolveNode(s, pendingNodes, new NodeKey(NodeKind.Account, e.Actor), e.TimestampMs);
                var target = e.Target is null ? 0
                    : ResolveNode(s, pendingNodes, new NodeKey(e.TargetKind == TargetKind.Content ? NodeKind.Content : NodeKind.Account, e.Target), e.TimestampMs);
                var device = e.Device is null ? 0 : ResolveNode(s, pendingNodes, new NodeKey(NodeKind.Device, e.Device), e.TimestampMs);
                var ip = e.Ip is null ? 0 : ResolveNode(s, pendingNodes, new NodeKey(NodeKind.Ip, e.Ip), e.TimestampMs);

                if (!s.InsertEvent(e, actor, target, device, ip))
                {
                    duplicates++;
                    continue;
                }

                inserted++;
                Touch(seen, actor, e.TimestampMs);
                if (target != 0)
                {
                    Touch(seen, target, e.TimestampMs);
                    AddEdge(edges, new EdgeKey(actor, target, e.Type), e.TimestampMs, e.Value ?? 0d);
                }

                if (device != 0)
                {
                    Touch(seen, device, e.TimestampMs);
                    AddEdge(edges, new EdgeKey(actor, device, EdgeTypes.UsesDevice), e.TimestampMs, 0d);
                }

                if (ip != 0)
                {
                    Touch(seen, ip, e.TimestampMs);
                    AddEdge(edges, new EdgeKey(actor, ip, EdgeTypes.UsesIp), e.TimestampMs, 0d);
                }
            }

            foreach (var (id, range) in seen)
            {
                s.UpdateSeen(id, range);
            }

            foreach (var (key, delta) in edges)
            {
                s.UpsertEdge(key, delta);
            }

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
            transaction.Rollback();
            throw;
        }
        finally
        {
            s.Enlist(null);
        }

        RememberCommittedNodes(pendingNodes);
        return new BatchWriteResult(inserted, duplicates, batch.Quarantined.Count);
    }

    private long ResolveNode(BatchStatements s, Dictionary<NodeKey, long> pendingNodes, NodeKey key, long timestampMs)
    {
        if (_nodeIds.TryGetValue(key, out var id) || pendingNodes.TryGetValue(key, out id))
        {
            return id;
        }

        id = s.FindNode(key) ?? s.InsertNode(key, timestampMs);
        pendingNodes[key] = id;
        return id;
    }

    private void RememberCommittedNodes(Dictionary<NodeKey, long> committed)
    {
        if (_nodeIds.Count + committed.Count > MaxCachedNodes)
        {
            _nodeIds.Clear();
        }

        foreach (var (key, id) in committed)
        {
            _nodeIds[key] = id;
        }
    }

    private static void Touch(Dictionary<long, SeenRange> seen, long node, long timestampMs)
    {
        ref var range = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, node, out var existed);
        if (existed)
        {
            range.Add(timestampMs);
        }
        else
        {
            range = new SeenRange(timestampMs, timestampMs);
        }
    }

    private static void AddEdge(Dictionary<EdgeKey, EdgeDelta> edges, EdgeKey key, long timestampMs, double value)
    {
        ref var delta = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(edges, key, out _);
        delta.Add(timestampMs, value);
    }

    private sealed record SourceRow(string ContentHash, string Name, long LastLine, long Inserted, long Duplicates, long Quarantined, long? CompletedAt)
    {
        public SourceProgress ToProgress() => new(
            ContentHash, Name, LastLine, Inserted, Duplicates, Quarantined,
            CompletedAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }
}
