using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.KCore;

/// <summary>
/// k-core decomposition by Batagelj–Zaversnik bucket peeling, O(V + E): nodes sit in buckets by current degree,
/// the minimum is removed and each higher-degree neighbour moves down one bucket by a swap. Degree counts distinct
/// neighbours other than the node itself; a directed projection is symmetrised first.
/// </summary>
public static class KCore
{
    public static KCoreResult Run(CsrGraph graph, KCoreParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var g = GraphRequirements.Undirected(graph);
        var n = g.NodeCount;
        var offsets = g.OffsetArray;
        var targets = g.TargetArray;
        var degree = new int[n];
        var maxDegree = 0;
        for (var v = 0; v < n; v++)
        {
            var d = 0;
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                if (targets[e] != v)
                {
                    d++;
                }
            }

            degree[v] = d;
            maxDegree = Math.Max(maxDegree, d);
        }

        var bin = new int[maxDegree + 1];
        for (var v = 0; v < n; v++)
        {
            bin[degree[v]]++;
        }

        var start = 0;
        for (var d = 0; d <= maxDegree; d++)
        {
            var count = bin[d];
            bin[d] = start;
            start += count;
        }

        var position = new int[n];
        var order = new int[n];
        for (var v = 0; v < n; v++)
        {
            position[v] = bin[degree[v]]++;
            order[position[v]] = v;
        }

        for (var d = maxDegree; d > 0; d--)
        {
            bin[d] = bin[d - 1];
        }

        bin[0] = 0;

        for (var i = 0; i < n; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((double)i / n);
            }

            var v = order[i];
            var dv = degree[v];
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                var u = targets[e];
                var du = degree[u];
                if (du <= dv || u == v)
                {
                    continue;
                }

                // Swap u with the first node of its bucket, then shrink that bucket from the left.
                var pu = position[u];
                var pw = bin[du];
                var w = order[pw];
                if (u != w)
                {
                    position[u] = pw;
                    order[pw] = u;
                    position[w] = pu;
                    order[pu] = w;
                }

                bin[du]++;
                degree[u] = du - 1;
            }
        }

        var degeneracy = 0;
        var inMax = 0;
        for (var v = 0; v < n; v++)
        {
            if (degree[v] > degeneracy)
            {
                degeneracy = degree[v];
                inMax = 0;
            }

            if (degree[v] == degeneracy)
            {
                inMax++;
            }
        }

        progress?.Report(1.0);
        return new KCoreResult(degree, degeneracy, inMax);
    }
}
