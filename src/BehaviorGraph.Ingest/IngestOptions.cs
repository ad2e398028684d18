namespace BehaviorGraph.Ingest;

/// <summary>How to ingest a source.</summary>
/// <param name="BatchSize">Rows per atomic batch (events plus quarantined rows).</param>
/// <param name="Format">Input format; Auto decides by extension or content.</param>
/// <param name="Force">Re-read a source even if its content hash is already recorded as complete.</param>
public sealed record IngestOptions(int BatchSize = IngestOptions.DefaultBatchSize, EventFormat Format = EventFormat.Auto, bool Force = false)
{
    /// <summary>
    /// Rows per atomic batch by default. Larger batches rewrite each hot index and edge page fewer times: on 1M
    /// generated events 400,000 took 3.4 s against 3.6-3.7 s at 200,000 (and 8.6 s at 50,000 before the pipeline
    /// had a preparing stage); the first batches of a source are smaller (see <c>RowChunkBuilder</c>).
    /// </summary>
    public const int DefaultBatchSize = 400_000;

    public static IngestOptions Default { get; } = new();
}
