namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>What one batch adds to one edge.</summary>
internal struct EdgeDelta
{
    public long Count;
    public long FirstMs;
    public long LastMs;
    public double ValueSum;

    public void Add(long timestampMs, double value)
    {
        if (Count == 0 || timestampMs < FirstMs)
        {
            FirstMs = timestampMs;
        }

        if (Count == 0 || timestampMs > LastMs)
        {
            LastMs = timestampMs;
        }

        Count++;
        ValueSum += value;
    }
}
