namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// Aggregates events into edges exactly as ingest does (count, first and last time, value sum per source, target and
/// type), continuing from the edges of a previous load when there is one. Values are added one event at a time in log
/// order, starting from the previous sum, so folding all events at once and folding them in two parts give the same
/// bits. Edges come out ordered by source, target and type name, the order of the store's edge table.
/// </summary>
internal static class EdgeFold
{
    private static readonly byte[] TypeRank = RankTypesByName();
    private static readonly byte[] TypeOfRank = InvertRanks();

    public static EdgeColumns Fold(EdgeContributions contributions, EdgeColumns? previous, int sourceCount)
    {
        var time = contributions.TimeMs;
        var value = contributions.Value;
        var (order, keys, start) = Sorted(contributions.Source, contributions.Target, contributions.Type, sourceCount);
        previous ??= new EdgeColumns([], [], [], [], [], [], []);

        // The sorted contributions are read through their keys (target and type rank, in sorted order) and the source
        // segments; only time and value are gathered through the order, once per contribution.
        var builder = new EdgeColumnsBuilder(previous.Length + order.Length);
        var p = 0;
        var c = 0;
        var s = 0;
        while (p < previous.Length || c < order.Length)
        {
            while (c < order.Length && start[s + 1] <= c)
            {
                s++;
            }

            var compare = p == previous.Length ? 1
                : c == order.Length ? -1
                : Compare(previous.Source[p], Key(previous.Target[p], previous.Type[p]), s, keys[c]);
            if (compare < 0)
            {
                builder.Add(previous.Source[p], previous.Target[p], previous.Type[p], previous.Count[p], previous.ValueSum[p], previous.FirstMs[p], previous.LastMs[p]);
                p++;
                continue;
            }

            long count = 0;
            var sum = 0.0;
            long first = long.MaxValue, last = long.MinValue;
            if (compare == 0)
            {
                count = previous.Count[p];
                sum = previous.ValueSum[p];
                first = previous.FirstMs[p];
                last = previous.LastMs[p];
                p++;
            }

            var key = keys[c];
            var end = start[s + 1];
            while (c < end && keys[c] == key)
            {
                var k = order[c++];
                count++;
                sum += value[k];
                first = Math.Min(first, time[k]);
                last = Math.Max(last, time[k]);
            }

            builder.Add(s, (int)(key >> 8), TypeOfRank[(byte)key], count, sum, first, last);
        }

        return builder.Build();
    }

    /// <summary>
    /// Contribution indices ordered by source, target and type name, log order among equals: a stable counting sort by
    /// source, then each source's few entries sorted by target and type rank with the index breaking ties.
    /// </summary>
    private static (int[] Order, ulong[] Keys, int[] Start) Sorted(ReadOnlySpan<int> source, ReadOnlySpan<int> target, ReadOnlySpan<byte> type, int sourceCount)
    {
        var start = new int[sourceCount + 1];
        foreach (var s in source)
        {
            start[s + 1]++;
        }

        for (var s = 0; s < sourceCount; s++)
        {
            start[s + 1] += start[s];
        }

        var order = new int[source.Length];
        var next = (int[])start.Clone();
        for (var i = 0; i < source.Length; i++)
        {
            order[next[source[i]]++] = i;
        }

        var keys = new ulong[source.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var k = order[i];
            keys[i] = Key(target[k], type[k]);
        }

        for (var s = 0; s < sourceCount; s++)
        {
            var length = start[s + 1] - start[s];
            if (length > 1)
            {
                // Equal keys keep log order: within a source the indices are ascending before the sort, and each run of
                // equal keys is put back in ascending order after it.
                var segmentKeys = keys.AsSpan(start[s], length);
                var segment = order.AsSpan(start[s], length);
                segmentKeys.Sort(segment);
                for (var i = 0; i < length;)
                {
                    var j = i + 1;
                    while (j < length && segmentKeys[j] == segmentKeys[i])
                    {
                        j++;
                    }

                    if (j - i > 1)
                    {
                        segment[i..j].Sort();
                    }

                    i = j;
                }
            }
        }

        return (order, keys, start);
    }

    /// <summary>An edge's order within its source: by target (never negative), then by type name.</summary>
    private static ulong Key(int target, byte type) => ((ulong)(uint)target << 8) | TypeRank[type];

    private static int Compare(int sourceA, ulong keyA, int sourceB, ulong keyB)
    {
        var bySource = sourceA.CompareTo(sourceB);
        return bySource != 0 ? bySource : keyA.CompareTo(keyB);
    }

    private static byte[] InvertRanks()
    {
        var types = new byte[256];
        for (var code = 0; code < EventTypeCodes.Count; code++)
        {
            types[TypeRank[code]] = (byte)code;
        }

        return types;
    }

    private static byte[] RankTypesByName()
    {
        var ranks = new byte[256];
        var codes = Enumerable.Range(0, EventTypeCodes.Count).Select(c => (byte)c).ToList();
        var byName = codes.OrderBy(c => EventTypeCodes.NameOf(c), StringComparer.Ordinal).ToList();
        for (var r = 0; r < byName.Count; r++)
        {
            ranks[byName[r]] = (byte)r;
        }

        return ranks;
    }
}
