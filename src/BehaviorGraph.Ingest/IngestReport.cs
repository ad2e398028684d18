namespace BehaviorGraph.Ingest;

/// <summary>
/// What ingesting one source did. Every line of the source is counted once: <see cref="Read"/> counts the rows parsed
/// in this run, each one <see cref="Ingested"/>, a <see cref="Duplicates">duplicate</see> or
/// <see cref="Quarantined"/>; rows committed by an interrupted earlier run are <see cref="SkippedRows"/>; lines of
/// nothing but spaces are <see cref="BlankLines"/>; with the CSV header they add up to <see cref="Lines"/>, the
/// source's line count. A source already complete is <see cref="AlreadyComplete"/> (and nothing is counted).
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
    TimeSpan Elapsed,
    long BlankLines = 0,
    long Lines = 0)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}
