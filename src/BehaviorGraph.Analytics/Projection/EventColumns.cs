namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// The event log as parallel arrays (21 bytes per event): actor account index, target node index (-1 when the
/// event has none), type code, time (Unix ms) and value (NaN when absent). Order is the store's insertion order.
/// </summary>
internal sealed record EventColumns(int[] Actor, int[] Target, byte[] Type, long[] TimestampMs, float[] Value)
{
    public int Count => Actor.Length;

    public long MemoryBytes => 21L * Count;
}
