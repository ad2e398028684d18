using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.Wcc;

/// <summary>
/// Weakly connected components by lock-free parallel union-find: roots are always linked from the larger id to the
/// smaller, so each root is its component's smallest node and the result does not depend on thread scheduling.
/// O(E α(V)) work. Edge direction is ignored.
/// </summary>
public static class Wcc
{
    public static WccResult Run(CsrGraph graph, WccParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        var undirected = graph.IsUndirected;
        ParallelRanges.For(n, 8192, (start, end) =>
        {
            for (var u = start; u < end; u++)
            {
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var v = targets[e];
                    if (!undirected || v < u)
                    {
                        Union(parent, u, v);
                    }
                }
            }
        }, cancellationToken);
        progress?.Report(0.8);

        var components = new int[n];
        var label = new int[n];
        Array.Fill(label, -1);
        var sizes = new List<int>();
        for (var u = 0; u < n; u++)
        {
            var root = Find(parent, u);
            if (label[root] < 0)
            {
                label[root] = sizes.Count;
                sizes.Add(0);
            }

            components[u] = label[root];
            sizes[label[root]]++;
        }

        progress?.Report(1.0);
        return new WccResult(components, [.. sizes]);
    }

    private static int Find(int[] parent, int x)
    {
        while (true)
        {
            var p = Volatile.Read(ref parent[x]);
            if (p == x)
            {
                return x;
            }

            var gp = Volatile.Read(ref parent[p]);
            if (gp != p)
            {
                // Path halving; racing writers only ever store an ancestor, so the tree stays valid.
                Interlocked.CompareExchange(ref parent[x], gp, p);
            }

            x = gp;
        }
    }

    private static void Union(int[] parent, int a, int b)
    {
        while (true)
        {
            var ra = Find(parent, a);
            var rb = Find(parent, b);
            if (ra == rb)
            {
                return;
            }

            if (ra < rb)
            {
                (ra, rb) = (rb, ra);
            }

            if (Interlocked.CompareExchange(ref parent[ra], rb, ra) == ra)
            {
                return;
            }
        }
    }
}
