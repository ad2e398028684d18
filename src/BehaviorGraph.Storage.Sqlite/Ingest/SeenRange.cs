namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>The earliest and latest time a batch touched a node.</summary>
internal struct SeenRange(long first, long last)
{
    public long First = first;
    public long Last = last;

    public void Add(long timestampMs)
    {
        First = Math.Min(First, timestampMs);
        Last = Math.Max(Last, timestampMs);
    }
}
