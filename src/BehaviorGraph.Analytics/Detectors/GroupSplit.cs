using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Algorithms.Louvain;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Whether a detected group is really several: Louvain on the group's own edges, accepted only when its modularity
/// reaches a floor and beats, by a margin, the modularity Louvain finds in the same group rewired at random with its
/// degrees kept — a dense group without real parts still splits with some modularity by chance. Edges are given as
/// (source, target) pairs of local ids; rewiring swaps target ends, so a bipartite group stays bipartite.
/// </summary>
internal static class GroupSplit
{
    /// <summary>The part of every local node, or null when the group does not split better than chance.</summary>
    public static int[]? Split(EdgeBuffer edges, int nodes, GroupSplitParameters parameters, CancellationToken cancellationToken)
    {
        if (nodes < 4 || edges.Length < 3)
        {
            return null;
        }

        var graph = CsrBuilder.Build(IdMap.Sequential(nodes), edges, Orientation.Undirected, merge: true);
        var louvain = Louvain.Run(graph, new LouvainParameters { Resolution = parameters.Resolution, Seed = parameters.Seed, Weighted = false }, null, cancellationToken);
        if (louvain.CommunityCount < 2 || louvain.Modularity < parameters.MinModularity
            || louvain.Modularity <= ChanceModularity(edges, nodes, parameters, cancellationToken) + parameters.Margin)
        {
            return null;
        }

        return louvain.Communities;
    }

    /// <summary>
    /// The modularity Louvain finds in the same group with its edges rewired at random, degrees kept (double-edge
    /// swaps): what splitting a group without any real parts yields. The best of a few rewirings.
    /// </summary>
    private static double ChanceModularity(EdgeBuffer edges, int nodes, GroupSplitParameters parameters, CancellationToken cancellationToken)
    {
        var random = new SplitMix64(parameters.Seed ^ (ulong)edges.Length);
        var best = 0.0;
        for (var trial = 0; trial < parameters.NullTrials; trial++)
        {
            var rewired = Rewired(edges, ref random);
            var graph = CsrBuilder.Build(IdMap.Sequential(nodes), rewired, Orientation.Undirected, merge: true);
            var louvain = Louvain.Run(graph, new LouvainParameters { Resolution = parameters.Resolution, Seed = parameters.Seed, Weighted = false }, null, cancellationToken);
            best = Math.Max(best, louvain.Modularity);
        }

        return best;
    }

    private static EdgeBuffer Rewired(EdgeBuffer edges, ref SplitMix64 random)
    {
        var m = edges.Length;
        var a = new int[m];
        var b = new int[m];
        var present = new HashSet<long>(m);
        for (var i = 0; i < m; i++)
        {
            a[i] = edges.Sources[i];
            b[i] = edges.Targets[i];
            present.Add(Key(a[i], b[i]));
        }

        for (var attempt = 0; attempt < 10 * m && m >= 2; attempt++)
        {
            var i = random.NextInt(m);
            var j = random.NextInt(m);
            if (i == j)
            {
                continue;
            }

            // (a_i, b_i), (a_j, b_j) → (a_i, b_j), (a_j, b_i): degrees kept; skip loops and duplicates.
            var (u, v, x, y) = (a[i], b[i], a[j], b[j]);
            if (u == y || x == v || present.Contains(Key(u, y)) || present.Contains(Key(x, v)))
            {
                continue;
            }

            present.Remove(Key(u, v));
            present.Remove(Key(x, y));
            present.Add(Key(u, y));
            present.Add(Key(x, v));
            b[i] = y;
            b[j] = v;
        }

        var rewired = new EdgeBuffer(withTimes: false, withCounts: false, m);
        for (var i = 0; i < m; i++)
        {
            rewired.Add(a[i], b[i], 1f);
        }

        return rewired;

        static long Key(int p, int q) => ((long)Math.Min(p, q) << 32) | (uint)Math.Max(p, q);
    }
}
