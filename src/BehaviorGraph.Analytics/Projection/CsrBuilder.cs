using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// Builds a <see cref="CsrGraph"/> from an <see cref="EdgeBuffer"/> in two passes (count degrees, then fill),
/// sorts each row by target and optionally merges parallel entries (weights and counts summed, times min/max).
/// </summary>
internal static class CsrBuilder
{
    public static CsrGraph Build(IdMap idMap, EdgeBuffer buffer, Orientation orientation, bool merge, Orientation? label = null)
    {
        var n = idMap.Count;
        var m = buffer.Length;
        var src = orientation == Orientation.Reverse ? buffer.Targets : buffer.Sources;
        var dst = orientation == Orientation.Reverse ? buffer.Sources : buffer.Targets;
        var both = orientation == Orientation.Undirected;

        var degree = new long[n + 1];
        for (var i = 0; i < m; i++)
        {
            degree[src[i]]++;
            if (both)
            {
                degree[dst[i]]++;
            }
        }

        var offsets = new int[n + 1];
        long total = 0;
        for (var u = 0; u < n; u++)
        {
            offsets[u] = (int)total;
            total += degree[u];
            if (total > Array.MaxLength)
            {
                throw new InvalidOperationException(
                    $"The projection needs {total:N0}+ adjacency entries; one CSR row array holds at most {Array.MaxLength:N0}. Project fewer edge types or a subgraph.");
            }
        }

        offsets[n] = (int)total;
        var entries = (int)total;
        var targets = new int[entries];
        var weights = new float[entries];
        var firstMs = buffer.HasTimes ? new long[entries] : null;
        var lastMs = buffer.HasTimes ? new long[entries] : null;
        var counts = buffer.HasCounts ? new int[entries] : null;

        var cursor = new int[n];
        Array.Copy(offsets, cursor, n);
        for (var i = 0; i < m; i++)
        {
            Place(src[i], dst[i], i);
            if (both)
            {
                Place(dst[i], src[i], i);
            }
        }

        SortRows(offsets, targets, weights, firstMs, lastMs, counts);
        var graph = new CsrGraph(idMap, label ?? orientation, offsets, targets, weights, firstMs, lastMs, counts);
        return merge ? MergeParallel(graph) : graph;

        void Place(int u, int v, int i)
        {
            var at = cursor[u]++;
            targets[at] = v;
            weights[at] = buffer.Weights[i];
            if (firstMs is not null)
            {
                firstMs[at] = buffer.FirstMs![i];
                lastMs![at] = buffer.LastMs![i];
            }

            if (counts is not null)
            {
                counts[at] = buffer.Counts![i];
            }
        }
    }

    private static void SortRows(int[] offsets, int[] targets, float[] weights, long[]? firstMs, long[]? lastMs, int[]? counts)
    {
        var n = offsets.Length - 1;
        var simple = firstMs is null && counts is null;
        ParallelRanges.For(n, 4096, (start, end) =>
        {
            int[]? order = null;
            for (var u = start; u < end; u++)
            {
                var from = offsets[u];
                var len = offsets[u + 1] - from;
                if (len < 2 || IsSorted(targets, from, len))
                {
                    continue;
                }

                if (simple)
                {
                    Array.Sort(targets, weights, from, len);
                    continue;
                }

                // Several payload arrays: sort a permutation, then apply it to each.
                if (order is null || order.Length < len)
                {
                    order = new int[Math.Max(len, 64)];
                }

                var keys = targets.AsSpan(from, len).ToArray();
                for (var k = 0; k < len; k++)
                {
                    order[k] = from + k;
                }

                Array.Sort(keys, order, 0, len);
                keys.CopyTo(targets, from);
                Permute(weights, order, from, len);
                if (firstMs is not null)
                {
                    Permute(firstMs, order, from, len);
                    Permute(lastMs!, order, from, len);
                }

                if (counts is not null)
                {
                    Permute(counts, order, from, len);
                }
            }
        });
    }

    private static bool IsSorted(int[] targets, int from, int len)
    {
        for (var k = from + 1; k < from + len; k++)
        {
            if (targets[k] < targets[k - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static void Permute<T>(T[] values, int[] order, int from, int len)
    {
        var copy = new T[len];
        for (var k = 0; k < len; k++)
        {
            copy[k] = values[order[k]];
        }

        copy.CopyTo(values, from);
    }

    private static CsrGraph MergeParallel(CsrGraph graph)
    {
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        var n = graph.NodeCount;
        var newDegree = new int[n];
        var duplicates = 0L;
        ParallelRanges.For(n, 4096, (start, end) =>
        {
            long local = 0;
            for (var u = start; u < end; u++)
            {
                var d = 0;
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    if (e == offsets[u] || targets[e] != targets[e - 1])
                    {
                        d++;
                    }
                    else
                    {
                        local++;
                    }
                }

                newDegree[u] = d;
            }

            Interlocked.Add(ref duplicates, local);
        });

        if (duplicates == 0)
        {
            return graph;
        }

        var newOffsets = new int[n + 1];
        for (var u = 0; u < n; u++)
        {
            newOffsets[u + 1] = newOffsets[u] + newDegree[u];
        }

        var entries = newOffsets[n];
        var newTargets = new int[entries];
        var newWeights = new float[entries];
        var firstMs = graph.FirstMsArray is null ? null : new long[entries];
        var lastMs = graph.LastMsArray is null ? null : new long[entries];
        var counts = graph.CountArray is null ? null : new int[entries];
        ParallelRanges.For(n, 4096, (start, end) =>
        {
            for (var u = start; u < end; u++)
            {
                var at = newOffsets[u] - 1;
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var fresh = e == offsets[u] || targets[e] != targets[e - 1];
                    if (fresh)
                    {
                        at++;
                        newTargets[at] = targets[e];
                        newWeights[at] = graph.WeightArray[e];
                        if (firstMs is not null)
                        {
                            firstMs[at] = graph.FirstMsArray![e];
                            lastMs![at] = graph.LastMsArray![e];
                        }

                        if (counts is not null)
                        {
                            counts[at] = graph.CountArray![e];
                        }

                        continue;
                    }

                    newWeights[at] += graph.WeightArray[e];
                    if (firstMs is not null)
                    {
                        firstMs[at] = Math.Min(firstMs[at], graph.FirstMsArray![e]);
                        lastMs![at] = Math.Max(lastMs[at], graph.LastMsArray![e]);
                    }

                    if (counts is not null)
                    {
                        counts[at] += graph.CountArray![e];
                    }
                }
            }
        });

        return new CsrGraph(graph.IdMap, graph.Orientation, newOffsets, newTargets, newWeights, firstMs, lastMs, counts);
    }
}
