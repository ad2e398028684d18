using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.Common;

/// <summary>
/// Newman modularity with resolution γ on an undirected weighted graph:
/// Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ], where in_c sums adjacency weights with both ends in c (each internal
/// edge counted from both sides) and tot_c sums the weighted degrees of c's members.
/// </summary>
internal static class Modularity
{
    public static double Compute(CsrGraph graph, int[] communities, double resolution)
    {
        var g = graph.ToUndirected();
        return Compute(g.OffsetArray, g.TargetArray, g.WeightArray, null, communities, resolution);
    }

    public static double Compute(int[] offsets, int[] targets, float[]? floatWeights, double[]? doubleWeights, int[] communities, double resolution)
    {
        var n = offsets.Length - 1;
        var count = 0;
        for (var u = 0; u < n; u++)
        {
            count = Math.Max(count, communities[u] + 1);
        }

        var inside = new double[count];
        var total = new double[count];
        double m2 = 0;
        for (var u = 0; u < n; u++)
        {
            var cu = communities[u];
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                double w = doubleWeights is not null ? doubleWeights[e] : floatWeights![e];
                m2 += w;
                total[cu] += w;
                if (communities[targets[e]] == cu)
                {
                    inside[cu] += w;
                }
            }
        }

        if (m2 == 0)
        {
            return 0;
        }

        double q = 0;
        for (var c = 0; c < count; c++)
        {
            q += (inside[c] / m2) - (resolution * (total[c] / m2) * (total[c] / m2));
        }

        return q;
    }
}
