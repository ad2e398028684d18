using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// Writes batches with one binary COPY into a transaction-scoped staging table followed by set-based
/// statements: new events are those the log did not have (first occurrence wins inside a batch), and
/// nodes, edges and node times change only through them.
/// </summary>
internal sealed class PostgresEventIngestStore(NpgsqlDataSource dataSource, TimeProvider clock) : IEventIngestStore
{
    private const int MaxAttempts = 3;

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
        var targetKinds = TargetNodeKinds(batch.Events);

        // A batch is atomic and idempotent, so one that lost a deadlock or serialization race to a
        // concurrent writer is simply written again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(batch, targetKinds, cancellationToken);
            }
            catch (PostgresException ex) when (attempt < MaxAttempts
                && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
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

    private async Task<BatchWriteResult> WriteOnceAsync(
        EventBatch batch, short[] targetKinds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var inserted = 0;
        if (batch.Events.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                IngestSql.CreateStaging, transaction: transaction, cancellationToken: cancellationToken));
            await CopyEventsAsync(connection, batch.Events, targetKinds, cancellationToken);
            inserted = await MergeStagedEventsAsync(connection, transaction, cancellationToken);
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

        await transaction.CommitAsync(cancellationToken);
        return new BatchWriteResult(inserted, duplicates, batch.Quarantined.Count);
    }

    private static async Task CopyEventsAsync(
        NpgsqlConnection connection, IReadOnlyList<InteractionEvent> events, short[] targetKinds,
        CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(IngestSql.CopyStaging, cancellationToken);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
            await WriteTextAsync(importer, e.EventId, cancellationToken);
            await importer.WriteAsync(e.TimestampMs, NpgsqlDbType.Bigint, cancellationToken);
            await WriteTextAsync(importer, e.Type, cancellationToken);
            await WriteTextAsync(importer, e.Actor, cancellationToken);
            await WriteTextAsync(importer, e.Target, cancellationToken);
            await importer.WriteAsync(targetKinds[i], NpgsqlDbType.Smallint, cancellationToken);
            if (e.Value is { } value)
            {
                await importer.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken);
            }

            await WriteTextAsync(importer, e.Device, cancellationToken);
            await WriteTextAsync(importer, e.Ip, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter importer, string? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static async Task<int> MergeStagedEventsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var merge = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(IngestSql.SelectCandidates),
                new NpgsqlBatchCommand(IngestSql.AnalyzeCandidates),
                new NpgsqlBatchCommand(IngestSql.InsertNodes),
                new NpgsqlBatchCommand(IngestSql.InsertEvents),
                new NpgsqlBatchCommand(IngestSql.UpsertEdges),
                new NpgsqlBatchCommand(IngestSql.UpdateNodeTimes),
            },
        };
        await merge.ExecuteNonQueryAsync(cancellationToken);
        return checked((int)merge.BatchCommands[3].RecordsAffected);
    }

    /// <summary>
    /// The node kind of each event's target (0 when it has none): content stays content, any other target is
    /// an account, as in the SQLite backend.
    /// </summary>
    private static short[] TargetNodeKinds(IReadOnlyList<InteractionEvent> events)
    {
        var kinds = new short[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Event {i} of the batch is null.", nameof(events));
            kinds[i] = e.Target is null ? (short)0
                : e.TargetKind == TargetKind.Content ? (short)NodeKind.Content
                : (short)NodeKind.Account;
        }

        return kinds;
    }
}
