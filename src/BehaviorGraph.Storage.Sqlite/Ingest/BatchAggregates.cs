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
        // Node ranges live in flat arrays indexed by slot (slots are dense, 0..directory size), so touching a node is
        // an array write and reading them out in slot order needs no sort.
        var slots = MaxSlot(events) + 1;
        var first = new long[slots];
        var last = new long[slots];
        var touched = new bool[slots];
        var edgeIndex = new Dictionary<EdgeSlotKey, int>(events.Count * 2);
        var edges = new List<EdgeAggregate>(events.Count * 2);
        var nodeCount = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (skip is not null && skip[i])
            {
                continue;
            }

            var ts = events.TimestampMs[i];
            var actor = events.Actor[i];
            Touch(actor);
            if (events.Target[i] is var target and >= 0)
            {
                Touch(target);
                Add(edgeIndex, edges, new EdgeSlotKey(actor, target, events.TypeCode[i]), ts, events.Value[i]);
            }

            if (events.Device[i] is var device and >= 0)
            {
                Touch(device);
                Add(edgeIndex, edges, new EdgeSlotKey(actor, device, usesDevice), ts, 0d);
            }

            if (events.Ip[i] is var ip and >= 0)
            {
                Touch(ip);
                Add(edgeIndex, edges, new EdgeSlotKey(actor, ip, usesIp), ts, 0d);
            }

            void Touch(int slot)
            {
                if (touched[slot])
                {
                    first[slot] = Math.Min(first[slot], ts);
                    last[slot] = Math.Max(last[slot], ts);
                }
                else
                {
                    (touched[slot], first[slot], last[slot]) = (true, ts, ts);
                    nodeCount++;
                }
            }
        }

        var nodeArray = new NodeRange[nodeCount];
        for (int slot = 0, n = 0; slot < slots; slot++)
        {
            if (touched[slot])
            {
                nodeArray[n++] = new NodeRange(slot, first[slot]) { LastMs = last[slot] };
            }
        }

        return new BatchAggregates(nodeArray, SortedEdges(edges));
    }

    private static int MaxSlot(EventSlots events)
    {
        var max = -1;
        for (var i = 0; i < events.Count; i++)
        {
            max = Math.Max(max, Math.Max(Math.Max(events.Actor[i], events.Target[i]), Math.Max(events.Device[i], events.Ip[i])));
        }

        return max;
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

    /// <summary>
    /// The edges by (source, target, type code): sorted on one 64-bit key (source, target), which the runtime sorts
    /// far faster than a three-field comparer, then the few runs of equal (source, target) put in type order.
    /// </summary>
    private static EdgeAggregate[] SortedEdges(List<EdgeAggregate> edges)
    {
        var array = edges.ToArray();
        var keys = new ulong[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            keys[i] = ((ulong)(uint)array[i].Source << 32) | (uint)array[i].Target;
        }

        Array.Sort(keys, array);
        for (var i = 1; i < array.Length; i++)
        {
            // Insertion sort inside each run of one (source, target): runs hold a handful of types at most.
            for (var j = i; j > 0 && keys[j] == keys[j - 1] && array[j].TypeCode < array[j - 1].TypeCode; j--)
            {
                (array[j], array[j - 1]) = (array[j - 1], array[j]);
            }
        }

        return array;
    }
}
