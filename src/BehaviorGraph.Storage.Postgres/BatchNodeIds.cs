using System.Runtime.InteropServices;
using NodeRef = BehaviorGraph.Storage.Postgres.PostgresNodeDirectory.NodeRef;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// A batch's node ids by event: an id, 0 for none, or −(n + 1) for the n-th node the directory did not know, which
/// <see cref="Resolve"/> replaces with its id once the database has given one. Unknown nodes carry the range of the
/// batch's references to them.
/// </summary>
internal sealed class BatchNodeIds(int count)
{
    private readonly Dictionary<NodeRef, int> _unknownIndex = [];
    private readonly List<UnknownNode> _unknown = [];

    public long[] Actor { get; } = new long[count];
    public long[] Target { get; } = new long[count];
    public long[] Device { get; } = new long[count];
    public long[] Ip { get; } = new long[count];

    public IReadOnlyList<UnknownNode> Unknown => _unknown;

    /// <summary>
    /// The placeholder of a node the directory does not know, referenced at <paramref name="ts"/> by an event that is
    /// the first with its id in the batch (<paramref name="firstOccurrence"/>) or a repeat of one.
    /// </summary>
    public long Placeholder(NodeRef node, long ts, bool firstOccurrence)
    {
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_unknownIndex, node, out var seen);
        if (!seen)
        {
            index = _unknown.Count;
            _unknown.Add(new UnknownNode(node, long.MaxValue, long.MinValue, long.MaxValue, long.MinValue));
        }

        ref var known = ref CollectionsMarshal.AsSpan(_unknown)[index];
        known = firstOccurrence
            ? known with { First = Math.Min(known.First, ts), Last = Math.Max(known.Last, ts) }
            : known with { RepeatFirst = Math.Min(known.RepeatFirst, ts), RepeatLast = Math.Max(known.RepeatLast, ts) };
        return -(index + 1L);
    }

    /// <summary>Replaces every placeholder with the id of its node (<paramref name="ids"/>[n] for the n-th unknown node).</summary>
    public void Resolve(long[] ids)
    {
        foreach (var column in new[] { Actor, Target, Device, Ip })
        {
            for (var i = 0; i < column.Length; i++)
            {
                if (column[i] < 0)
                {
                    column[i] = ids[-column[i] - 1];
                }
            }
        }
    }

    /// <summary>
    /// A node the directory does not know: the range of the batch's first occurrences that refer to it and, apart, of
    /// repeated event ids that do. Its row gets the first range, or the repeats' range when only repeats refer to it
    /// (as in the SQLite store).
    /// </summary>
    internal readonly record struct UnknownNode(NodeRef Node, long First, long Last, long RepeatFirst, long RepeatLast)
    {
        public (long First, long Last) Range => First <= Last ? (First, Last) : (RepeatFirst, RepeatLast);
    }
}
