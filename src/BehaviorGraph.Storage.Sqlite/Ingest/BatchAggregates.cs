using System.Runtime.InteropServices;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// A batch's effect on the graph: the seen range of every node its events touch and every edge they add to,
/// both sorted by slot, which is (nearly) id order, so the writer walks each B-tree forward.
/// </summary>
internal sealed class BatchAggregates(NodeRange[] nodes, EdgeAggregate[] edges)
{
    public NodeRange[] Nodes { get; } = nodes;
    public EdgeAggregate[] Edges { get; } = edges;

    /// <summary>Aggregates the events not flagged in <paramref name="skip"/> (all of them when it is null).</summary>
    public static BatchAggregates Compute(EventSlots events, int usesDevice, int usesIp, bool[]? skip)
    {
        var nodeIndex = new Dictionary<int, int>(events.Count);
        var nodes = new List<NodeRange>(events.Count);
        var edgeIndex = new Dictionary<EdgeSlotKey, int>(events.Count * 2);
        var edges = new List<EdgeAggregate>(events.Count * 2);
        for (var i = 0; i < events.Count; i++)
        {
            if (skip is not null && skip[i])
            {
                continue;
            }

            var ts = events.TimestampMs[i];
            var actor = events.Actor[i];
            Touch(nodeIndex, nodes, actor, ts);
            if (events.Target[i] is var target and >= 0)
            {
                Touch(nodeIndex, nodes, target, ts);
                Add(edgeIndex, edges, new EdgeSlotKey(actor, target, events.TypeCode[i]), ts, events.Value[i]);
            }

            if (events.Device[i] is var device and >= 0)
            {
                Touch(nodeIndex, nodes, device, ts);
                Add(edgeIndex, edges, new EdgeSlotKey(actor, device, usesDevice), ts, 0d);
            }

            if (events.Ip[i] is var ip and >= 0)
            {
                Touch(nodeIndex, nodes, ip, ts);
                Add(edgeIndex, edges, new EdgeSlotKey(actor, ip, usesIp), ts, 0d);
            }
        }

        var nodeArray = nodes.ToArray();
        Array.Sort(nodeArray, static (a, b) => a.Slot.CompareTo(b.Slot));
        var edgeArray = edges.ToArray();
        Array.Sort(edgeArray, new EdgeOrder());
        return new BatchAggregates(nodeArray, edgeArray);
    }

    private static void Touch(Dictionary<int, int> index, List<NodeRange> nodes, int slot, long ts)
    {
        ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(index, slot, out var exists);
        if (exists)
        {
            CollectionsMarshal.AsSpan(nodes)[at].Add(ts);
        }
        else
        {
            at = nodes.Count;
            nodes.Add(new NodeRange(slot, ts));
        }
    }

    private static void Add(Dictionary<EdgeSlotKey, int> index, List<EdgeAggregate> edges, EdgeSlotKey key, long ts, double value)
    {
        ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
        if (!exists)
        {
            at = edges.Count;
            edges.Add(new EdgeAggregate(key.Source, key.Target, key.TypeCode));
        }

        CollectionsMarshal.AsSpan(edges)[at].Add(ts, value);
    }

    private readonly struct EdgeOrder : IComparer<EdgeAggregate>
    {
        public int Compare(EdgeAggregate x, EdgeAggregate y)
        {
            var c = x.Source.CompareTo(y.Source);
            if (c == 0)
            {
                c = x.Target.CompareTo(y.Target);
            }

            return c != 0 ? c : x.TypeCode.CompareTo(y.TypeCode);
        }
    }
}
