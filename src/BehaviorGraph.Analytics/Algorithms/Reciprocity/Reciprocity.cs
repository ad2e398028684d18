using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.Reciprocity;

/// <summary>
/// Share of each node's out-edges u→v for which v→u exists, by binary search in v's sorted row:
/// O(E log d_max), parallel over nodes.
/// </summary>
public static class Reciprocity
{
    public static ReciprocityResult Run(CsrGraph graph, ReciprocityParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        GraphRequirements.Directed(graph, "Reciprocity");
        var n = graph.NodeCount;
        var outEdges = new int[n];
        var reciprocated = new int[n];
        var share = new double[n];
        ParallelRanges.For(n, 8192, (s, e) =>
        {
            for (var u = s; u < e; u++)
            {
                var outs = 0;
                var back = 0;
                foreach (var v in graph.Neighbors(u))
                {
                    if (v == u)
                    {
                        continue;
                    }

                    outs++;
                    if (graph.HasEdge(v, u))
                    {
                        back++;
                    }
                }

                outEdges[u] = outs;
                reciprocated[u] = back;
                share[u] = outs == 0 ? 0 : (double)back / outs;
            }
        }, cancellationToken);

        long total = 0;
        long totalBack = 0;
        for (var u = 0; u < n; u++)
        {
            total += outEdges[u];
            totalBack += reciprocated[u];
        }

        progress?.Report(1.0);
        return new ReciprocityResult(outEdges, reciprocated, share, total, totalBack);
    }
}
