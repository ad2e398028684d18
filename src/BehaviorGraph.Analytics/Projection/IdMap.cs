using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// External node id (long) ↔ dense id (0..n-1), with the kind of each node. Flat arrays plus one dictionary;
/// a sequential map (dense id = external id) needs no dictionary at all.
/// </summary>
public sealed class IdMap
{
    private readonly long[] _externalIds;
    private readonly NodeKind[] _kinds;
    private readonly Dictionary<long, int>? _toDense;

    internal IdMap(long[] externalIds, NodeKind[] kinds, Dictionary<long, int>? toDense)
    {
        _externalIds = externalIds;
        _kinds = kinds;
        _toDense = toDense;
    }

    /// <summary>A map whose external ids are 0..count-1, all of one kind (generated graphs).</summary>
    public static IdMap Sequential(int count, NodeKind kind = NodeKind.Account)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = i;
        }

        var kinds = new NodeKind[count];
        Array.Fill(kinds, kind);
        return new IdMap(ids, kinds, null);
    }

    public int Count => _externalIds.Length;

    public long ToExternal(int dense) => _externalIds[dense];

    public NodeKind KindOf(int dense) => _kinds[dense];

    public bool TryGetDense(long externalId, out int dense)
    {
        if (_toDense is null)
        {
            var ok = externalId >= 0 && externalId < _externalIds.Length;
            dense = ok ? (int)externalId : -1;
            return ok;
        }

        return _toDense.TryGetValue(externalId, out dense);
    }

    public int ToDense(long externalId) =>
        TryGetDense(externalId, out var dense)
            ? dense
            : throw new KeyNotFoundException($"Node {externalId} is not in this projection.");

    /// <summary>
    /// Estimated heap bytes: 8 per external id, 4 per kind, and about 28 per dictionary slot
    /// (24-byte entry of long key, int value, hash and next, plus a 4-byte bucket).
    /// </summary>
    public long MemoryBytes =>
        (8L * _externalIds.Length) + (4L * _kinds.Length) + (_toDense is null ? 0 : 28L * _toDense.EnsureCapacity(0));
}
