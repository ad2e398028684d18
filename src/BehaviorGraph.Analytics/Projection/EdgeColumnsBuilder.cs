namespace BehaviorGraph.Analytics.Projection;

internal sealed class EdgeColumnsBuilder(int capacity = 1024)
{
    private readonly GrowableArray<int> _source = new(capacity);
    private readonly GrowableArray<int> _target = new(capacity);
    private readonly GrowableArray<byte> _type = new(capacity);
    private readonly GrowableArray<int> _count = new(capacity);
    private readonly GrowableArray<double> _valueSum = new(capacity);
    private readonly GrowableArray<long> _firstMs = new(capacity);
    private readonly GrowableArray<long> _lastMs = new(capacity);

    public void Add(int source, int target, byte type, long count, double valueSum, long firstMs, long lastMs)
    {
        _source.Add(source);
        _target.Add(target);
        _type.Add(type);
        _count.Add(count > int.MaxValue ? int.MaxValue : (int)count);
        _valueSum.Add(valueSum);
        _firstMs.Add(firstMs);
        _lastMs.Add(lastMs);
    }

    public EdgeColumns Build() => new(
        _source.ToTrimmedArray(),
        _target.ToTrimmedArray(),
        _type.ToTrimmedArray(),
        _count.ToTrimmedArray(),
        _valueSum.ToTrimmedArray(),
        _firstMs.ToTrimmedArray(),
        _lastMs.ToTrimmedArray());
}
