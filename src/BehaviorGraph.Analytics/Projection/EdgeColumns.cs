namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// Aggregated edges of one family as parallel arrays: source account index, target index within the target's kind,
/// type code, event count, value sum and first/last time (Unix ms).
/// </summary>
internal sealed record EdgeColumns(int[] Source, int[] Target, byte[] Type, int[] Count, double[] ValueSum, long[] FirstMs, long[] LastMs)
{
    public int Length => Source.Length;
}
