using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// Store node id → (kind, index within that kind). Store ids are usually dense, so a flat array indexed by id is
/// used when the largest id is at most a few times the node count; otherwise one dictionary.
/// </summary>
internal sealed class NodeDirectory
{
    private const int KindShift = 28;
    private const int IndexMask = (1 << KindShift) - 1;
    private readonly int[]? _byId;
    private readonly Dictionary<long, int>? _byKey;

    public NodeDirectory(long[] ids, NodeKind[] kinds, int[] kindIndex)
    {
        long max = 0;
        foreach (var id in ids)
        {
            max = Math.Max(max, id);
        }

        var dense = ids.Length > 0 && max < Math.Min(Array.MaxLength - 1, (4L * ids.Length) + 1024) && ids.All(id => id >= 0);
        if (dense)
        {
            _byId = new int[max + 1];
            Array.Fill(_byId, -1);
        }
        else
        {
            _byKey = new Dictionary<long, int>(ids.Length);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if ((int)kinds[i] is < 0 or > 7 || kindIndex[i] > IndexMask)
            {
                throw new InvalidOperationException($"Node {ids[i]} has kind {(int)kinds[i]} or index {kindIndex[i]} outside what one analysis run addresses.");
            }

            var packed = ((int)kinds[i] << KindShift) | kindIndex[i];
            if (_byId is not null)
            {
                _byId[ids[i]] = packed;
            }
            else
            {
                _byKey![ids[i]] = packed;
            }
        }
    }

    /// <summary>The node's kind and index within its kind; false for an unknown id.</summary>
    public bool TryGet(long id, out NodeKind kind, out int index)
    {
        int packed;
        if (_byId is not null)
        {
            packed = id >= 0 && id < _byId.Length ? _byId[id] : -1;
        }
        else if (!_byKey!.TryGetValue(id, out packed))
        {
            packed = -1;
        }

        if (packed < 0)
        {
            kind = default;
            index = -1;
            return false;
        }

        kind = (NodeKind)(packed >> KindShift);
        index = packed & IndexMask;
        return true;
    }
}
