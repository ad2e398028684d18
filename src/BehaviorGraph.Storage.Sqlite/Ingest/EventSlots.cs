namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// A batch's events as flat columns — ids, node slots (-1: none), type codes, times and values — so that
/// aggregation and writing never go back to the event objects, which are freed once the batch is prepared.
/// </summary>
internal sealed class EventSlots(int count)
{
    public int Count { get; } = count;
    public string[] EventId { get; } = new string[count];
    public int[] Actor { get; } = new int[count];
    public int[] Target { get; } = new int[count];
    public int[] Device { get; } = new int[count];
    public int[] Ip { get; } = new int[count];
    public int[] TypeCode { get; } = new int[count];
    public long[] TimestampMs { get; } = new long[count];
    /// <summary>The event's value; 0 where it has none (see <see cref="HasValue"/>).</summary>
    public double[] Value { get; } = new double[count];
    public bool[] HasValue { get; } = new bool[count];
}
