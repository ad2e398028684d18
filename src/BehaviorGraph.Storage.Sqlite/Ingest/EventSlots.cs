namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// A batch's events as flat columns of node slots (-1: none), edge-type codes, times and values, so that
/// aggregation and writing never go back to the event objects' strings.
/// </summary>
internal sealed class EventSlots(int count)
{
    public int Count { get; } = count;
    public int[] Actor { get; } = new int[count];
    public int[] Target { get; } = new int[count];
    public int[] Device { get; } = new int[count];
    public int[] Ip { get; } = new int[count];
    public int[] TypeCode { get; } = new int[count];
    public long[] TimestampMs { get; } = new long[count];
    public double[] Value { get; } = new double[count];
}
