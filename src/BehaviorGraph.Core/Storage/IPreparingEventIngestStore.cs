namespace BehaviorGraph.Core.Storage;

/// <summary>
/// An optional ability of an ingest store: part of a batch's work (resolving identifiers, aggregating edges in
/// memory) needs no database and no write lock, so the ingest pipeline runs it on a stage of its own while the
/// previous batch is being written. Writing a prepared batch gives exactly what writing the raw batch gives.
/// </summary>
public interface IPreparingEventIngestStore : IEventIngestStore
{
    /// <summary>Prepares a batch; safe to call from any thread, also while another batch is being written.</summary>
    PreparedBatch Prepare(EventBatch batch);

    /// <summary>Writes a batch this store prepared, atomically, as <see cref="IEventIngestStore.WriteBatchAsync"/> does.</summary>
    Task<BatchWriteResult> WriteBatchAsync(PreparedBatch batch, CancellationToken cancellationToken);
}
