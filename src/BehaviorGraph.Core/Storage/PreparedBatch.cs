namespace BehaviorGraph.Core.Storage;

/// <summary>
/// A batch after the work a store can do on it before taking its write lock (see
/// <see cref="IPreparingEventIngestStore"/>). It keeps what every write needs of the raw batch; the events
/// themselves live on only in the store's own prepared form, so the raw rows can be freed before the write.
/// </summary>
public abstract class PreparedBatch(EventBatch batch)
{
    public IngestSource Source { get; } = (batch ?? throw new ArgumentNullException(nameof(batch))).Source;

    public long LastLine { get; } = batch.LastLine;

    public IReadOnlyList<QuarantinedRow> Quarantined { get; } = batch.Quarantined;
}
