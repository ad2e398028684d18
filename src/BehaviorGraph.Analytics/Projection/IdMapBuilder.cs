using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Projection;

internal sealed class IdMapBuilder
{
    private long[] _ids = new long[1024];
    private NodeKind[] _kinds = new NodeKind[1024];
    private readonly Dictionary<long, int> _toDense = new();

    public int Count { get; private set; }

    /// <summary>Adds the node unless already known; returns its dense id.</summary>
    public int GetOrAdd(long externalId, NodeKind kind)
    {
        if (_toDense.TryGetValue(externalId, out var dense))
        {
            return dense;
        }

        if (Count == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
            Array.Resize(ref _kinds, _kinds.Length * 2);
        }

        dense = Count++;
        _ids[dense] = externalId;
        _kinds[dense] = kind;
        _toDense.Add(externalId, dense);
        return dense;
    }

    public bool TryGetDense(long externalId, out int dense) => _toDense.TryGetValue(externalId, out dense);

    public IdMap Build()
    {
        Array.Resize(ref _ids, Count);
        Array.Resize(ref _kinds, Count);
        return new IdMap(_ids, _kinds, _toDense);
    }
}
