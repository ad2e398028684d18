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

    public static EdgeColumns Fold(EdgeContributions contributions, EdgeColumns? previous, int sourceCount)
    {
        var (source, target, type, time, value) = contributions.ToArrays();
        var order = Sorted(source, target, type, sourceCount);
        previous ??= new EdgeColumns([], [], [], [], [], [], []);

        var capacity = previous.Length + order.Length;
        var builder = new EdgeColumnsBuilder(capacity);
        var p = 0;
        var c = 0;
        while (p < previous.Length || c < order.Length)
        {
            var compare = p == previous.Length ? 1
                : c == order.Length ? -1
                : Compare(previous.Source[p], previous.Target[p], previous.Type[p], source[order[c]], target[order[c]], type[order[c]]);
            if (compare < 0)
            {
                builder.Add(previous.Source[p], previous.Target[p], previous.Type[p], previous.Count[p], previous.ValueSum[p], previous.FirstMs[p], previous.LastMs[p]);
                p++;
                continue;
            }

            var e = order[c];
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

            var (s, t, y) = (source[e], target[e], type[e]);
            while (c < order.Length && source[order[c]] == s && target[order[c]] == t && type[order[c]] == y)
            {
                var k = order[c++];
                count++;
                sum += value[k];
                first = Math.Min(first, time[k]);
                last = Math.Max(last, time[k]);
            }

            builder.Add(s, t, y, count, sum, first, last);
        }

        return builder.Build();
    }

    /// <summary>
    /// Contribution indices ordered by source, target and type name, log order among equals: a stable counting sort by
    /// source, then each source's few entries sorted by target and type rank with the index breaking ties.
    /// </summary>
    private static int[] Sorted(int[] source, int[] target, byte[] type, int sourceCount)
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
            keys[i] = ((ulong)(uint)target[k] << 8) | TypeRank[type[k]];
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

        return order;
    }

    private static int Compare(int sourceA, int targetA, byte typeA, int sourceB, int targetB, byte typeB)
    {
        var bySource = sourceA.CompareTo(sourceB);
        if (bySource != 0)
        {
            return bySource;
        }

        var byTarget = targetA.CompareTo(targetB);
        return byTarget != 0 ? byTarget : TypeRank[typeA].CompareTo(TypeRank[typeB]);
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
