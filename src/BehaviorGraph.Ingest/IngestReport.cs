namespace BehaviorGraph.Ingest;

/// <summary>
/// What ingesting one source did. <see cref="Read"/> counts the rows parsed in this run; rows committed by an
/// interrupted earlier run are <see cref="SkippedRows"/>; a source already complete is <see cref="AlreadyComplete"/>.
/// </summary>
public sealed record IngestReport(
    string Source,
    string ContentHash,
    long Read,
    long Ingested,
    long Duplicates,
    long Quarantined,
    long SkippedRows,
    bool AlreadyComplete,
    IReadOnlyDictionary<string, long> QuarantinedByReason,
    TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}
