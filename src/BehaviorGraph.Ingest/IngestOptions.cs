namespace BehaviorGraph.Ingest;

/// <summary>How to ingest a source.</summary>
/// <param name="BatchSize">Rows per atomic batch (events plus quarantined rows).</param>
/// <param name="Format">Input format; Auto decides by extension or content.</param>
/// <param name="Force">Re-read a source even if its content hash is already recorded as complete.</param>
public sealed record IngestOptions(int BatchSize = 50_000, EventFormat Format = EventFormat.Auto, bool Force = false)
{
    public static IngestOptions Default { get; } = new();
}
