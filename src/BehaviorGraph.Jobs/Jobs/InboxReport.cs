namespace BehaviorGraph.Jobs.Jobs;

/// <summary>
/// What one inbox scan did: files ingested (or found already ingested) and moved to <c>done/</c>, and their rows;
/// files that could not be read at all and were moved to <c>failed/</c>.
/// </summary>
public sealed record InboxReport(int Files, int AlreadyIngested, long Ingested, long Duplicates, long Quarantined, int Failed = 0)
{
    public override string ToString() =>
        $"{Files} file(s) ({AlreadyIngested} already ingested): {Ingested} events, {Duplicates} duplicates, {Quarantined} quarantined" +
        (Failed > 0 ? $"; {Failed} file(s) could not be read and were moved to failed/ (reasons in failed/*.reason.txt)" : "");
}
