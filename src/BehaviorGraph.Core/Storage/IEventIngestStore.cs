namespace BehaviorGraph.Core.Storage;

/// <summary>
/// The write side of ingest: the append-only event log (unique by event id), the aggregated graph, the
/// quarantine and per-source checkpoints. Every backend guarantees the same things:
/// a batch is atomic; an event id already in the log is a duplicate and changes nothing; edge counts and
/// value sums grow only by events new to the log.
/// </summary>
public interface IEventIngestStore
{
    /// <summary>Progress recorded for a source's content hash, or null if it was never seen.</summary>
    Task<SourceProgress?> GetProgressAsync(string contentHash, CancellationToken cancellationToken);

    /// <summary>Writes the batch atomically and advances the source's progress to <see cref="EventBatch.LastLine"/>.</summary>
    Task<BatchWriteResult> WriteBatchAsync(EventBatch batch, CancellationToken cancellationToken);

    /// <summary>Marks a source complete, so ingesting the same content again is skipped.</summary>
    Task CompleteSourceAsync(IngestSource source, CancellationToken cancellationToken);
}
