using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.Triangles;

/// <summary>
/// Triangle count per node and local clustering on the simple undirected graph (directed projections are
/// symmetrised, self-loops ignored). Forward algorithm: orient every edge from lower to higher (degree, id) rank so
/// no node keeps more than O(√E) out-neighbours, then for each u mark its out-neighbours and scan the
/// out-neighbours of each of them. O(E^1.5) worst case; each triangle is found exactly once. Parallel over nodes,
/// with one count array per worker summed at the end (integer sums, so deterministic).
/// </summary>
public static class TriangleCount
{
    public static TriangleCountResult Run(CsrGraph graph, TriangleCountParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var g = GraphRequirements.Undirected(graph);
        var n = g.NodeCount;
        var offsets = g.OffsetArray;
        var targets = g.TargetArray;

        var degree = new int[n];
        ParallelRanges.For(n, 8192, (s, e) =>
        {
            for (var u = s; u < e; u++)
            {
                var d = 0;
                for (var k = offsets[u]; k < offsets[u + 1]; k++)
                {
                    if (targets[k] != u)
                    {
                        d++;
                    }
                }

                degree[u] = d;
            }
        }, cancellationToken);

        var outDegree = new int[n];
        ParallelRanges.For(n, 8192, (s, e) =>
        {
            for (var u = s; u < e; u++)
            {
                var d = 0;
                for (var k = offsets[u]; k < offsets[u + 1]; k++)
                {
                    if (Before(u, targets[k], degree))
                    {
                        d++;
                    }
                }

                outDegree[u] = d;
            }
        }, cancellationToken);

        var outOffsets = new int[n + 1];
        for (var u = 0; u < n; u++)
        {
            outOffsets[u + 1] = outOffsets[u] + outDegree[u];
        }

        var outTargets = new int[outOffsets[n]];
        ParallelRanges.For(n, 8192, (s, e) =>
        {
            for (var u = s; u < e; u++)
            {
                var at = outOffsets[u];
                for (var k = offsets[u]; k < offsets[u + 1]; k++)
                {
                    if (Before(u, targets[k], degree))
                    {
                        outTargets[at++] = targets[k];
                    }
                }
            }
        }, cancellationToken);
        progress?.Report(0.2);

        var workers = ParallelRanges.WorkerCount(n, 1024);
        var counts = new long[workers][];
        var marks = new int[workers][];
        for (var w = 0; w < workers; w++)
        {
            counts[w] = new long[n];
            marks[w] = new int[n];
        }

        ParallelRanges.ForWorkers(n, 1024, (worker, s, e) =>
        {
            var local = counts[worker];
            var mark = marks[worker];
            for (var u = s; u < e; u++)
            {
                var from = outOffsets[u];
                var to = outOffsets[u + 1];
                if (to - from < 2)
                {
                    continue;
                }

                var stamp = u + 1;
                for (var k = from; k < to; k++)
                {
                    mark[outTargets[k]] = stamp;
                }

                for (var k = from; k < to; k++)
                {
                    var v = outTargets[k];
                    for (var j = outOffsets[v]; j < outOffsets[v + 1]; j++)
                    {
                        var w = outTargets[j];
                        if (mark[w] == stamp)
                        {
                            local[u]++;
                            local[v]++;
                            local[w]++;
                        }
                    }
                }
            }
        }, cancellationToken);
        progress?.Report(0.9);

        var triangles = counts[0];
        for (var w = 1; w < workers; w++)
        {
            var other = counts[w];
            ParallelRanges.For(n, 65536, (s, e) =>
            {
                for (var u = s; u < e; u++)
                {
                    triangles[u] += other[u];
                }
            }, cancellationToken);
        }

        var lcc = new double[n];
        long total = 0;
        double lccSum = 0;
        double triples = 0;
        for (var u = 0; u < n; u++)
        {
            total += triangles[u];
            var d = (double)degree[u];
            var pairs = d * (d - 1) / 2;
            triples += pairs;
            if (pairs > 0)
            {
                lcc[u] = triangles[u] / pairs;
                lccSum += lcc[u];
            }
        }

        progress?.Report(1.0);
        var triangleCount = total / 3;
        return new TriangleCountResult(
            triangles,
            lcc,
            triangleCount,
            n == 0 ? 0 : lccSum / n,
            triples == 0 ? 0 : 3.0 * triangleCount / triples);
    }

    private static bool Before(int u, int v, int[] degree) =>
        u != v && (degree[u] < degree[v] || (degree[u] == degree[v] && u < v));
}
