namespace BehaviorGraph.Core.Storage;

/// <summary>
/// How far a source has been ingested: the last line of the last committed batch, running totals, and
/// the completion time once the whole source went in.
/// </summary>
public sealed record SourceProgress(
    string ContentHash,
    string Name,
    long LastLine,
    long Inserted,
    long Duplicates,
    long Quarantined,
    DateTimeOffset? CompletedAt)
{
    public bool IsComplete => CompletedAt is not null;
}
