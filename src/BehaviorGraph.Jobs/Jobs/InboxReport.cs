namespace BehaviorGraph.Jobs.Jobs;

/// <summary>What one inbox scan did: files ingested (or found already ingested) and moved to <c>done/</c>, and their rows.</summary>
public sealed record InboxReport(int Files, int AlreadyIngested, long Ingested, long Duplicates, long Quarantined)
{
    public override string ToString() =>
        $"{Files} file(s) ({AlreadyIngested} already ingested): {Ingested} events, {Duplicates} duplicates, {Quarantined} quarantined";
}
