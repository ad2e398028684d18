namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>The earliest and latest time a batch's events touched one node.</summary>
internal struct NodeRange(int slot, long timestampMs)
{
    public readonly int Slot = slot;
    public long FirstMs = timestampMs;
    public long LastMs = timestampMs;

    public void Add(long timestampMs)
    {
        FirstMs = Math.Min(FirstMs, timestampMs);
        LastMs = Math.Max(LastMs, timestampMs);
    }
}
