namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// What the events read add to the edges of one family, one entry per event in log order: source account, target
/// index within the target's kind, type code, time and value (0 when the event has none, as ingest counts it).
/// </summary>
internal sealed class EdgeContributions
{
    private readonly GrowableArray<int> _source;
    private readonly GrowableArray<int> _target;
    private readonly GrowableArray<byte> _type;
    private readonly GrowableArray<long> _timeMs;
    private readonly GrowableArray<double> _value;

    public EdgeContributions(int capacity = 1024)
    {
        _source = new(capacity);
        _target = new(capacity);
        _type = new(capacity);
        _timeMs = new(capacity);
        _value = new(capacity);
    }

    public int Count => _source.Length;

    public void Add(int source, int target, byte type, long timeMs, double value)
    {
        _source.Add(source);
        _target.Add(target);
        _type.Add(type);
        _timeMs.Add(timeMs);
        _value.Add(value);
    }

    public (int[] Source, int[] Target, byte[] Type, long[] TimeMs, double[] Value) ToArrays() =>
        (_source.ToTrimmedArray(), _target.ToTrimmedArray(), _type.ToTrimmedArray(), _timeMs.ToTrimmedArray(), _value.ToTrimmedArray());
}
