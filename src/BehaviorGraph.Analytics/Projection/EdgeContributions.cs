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

    /// <summary>The entries in place (no copy), valid until the next <see cref="Add"/>; likewise the others.</summary>
    public ReadOnlySpan<int> Source => _source.Items;

    public ReadOnlySpan<int> Target => _target.Items;

    public ReadOnlySpan<byte> Type => _type.Items;

    public ReadOnlySpan<long> TimeMs => _timeMs.Items;

    public ReadOnlySpan<double> Value => _value.Items;
}
