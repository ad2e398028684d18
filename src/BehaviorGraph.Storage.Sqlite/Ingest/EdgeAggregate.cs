namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>What a batch adds to one edge, keyed by node slots and an edge-type code.</summary>
internal struct EdgeAggregate(int source, int target, int typeCode)
{
    public readonly int Source = source;
    public readonly int Target = target;
    public readonly int TypeCode = typeCode;
    public long Count;
    public long FirstMs = long.MaxValue;
    public long LastMs = long.MinValue;
    public double ValueSum;

    public void Add(long timestampMs, double value)
    {
        Count++;
        FirstMs = Math.Min(FirstMs, timestampMs);
        LastMs = Math.Max(LastMs, timestampMs);
        ValueSum += value;
    }
}
