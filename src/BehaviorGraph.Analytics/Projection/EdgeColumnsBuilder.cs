namespace BehaviorGraph.Analytics.Projection;

internal sealed class EdgeColumnsBuilder
{
    private readonly GrowableArray<int> _source = new();
    private readonly GrowableArray<int> _target = new();
    private readonly GrowableArray<byte> _type = new();
    private readonly GrowableArray<int> _count = new();
    private readonly GrowableArray<double> _valueSum = new();
    private readonly GrowableArray<long> _firstMs = new();
    private readonly GrowableArray<long> _lastMs = new();

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
