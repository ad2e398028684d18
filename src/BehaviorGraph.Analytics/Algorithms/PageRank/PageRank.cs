using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.PageRank;

/// <summary>
/// PageRank / personalised PageRank by power iteration in pull form: each node sums what its in-neighbours send,
/// so every score is written by one thread (parallel over node ranges, deterministic: per-range partial sums are
/// added in range order). O(E) per iteration.
/// </summary>
public static class PageRank
{
    private const int Grain = 16384;

    public static PageRankResult Run(CsrGraph graph, PageRankParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Damping is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Damping, "Damping must be in [0, 1).");
        }

        if (parameters.MaxIterations < 1 || parameters.Tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "MaxIterations must be ≥ 1 and Tolerance ≥ 0.");
        }

        var n = graph.NodeCount;
        if (n == 0)
        {
            return new PageRankResult([], 0, true, 0);
        }

        var restart = Restart(n, parameters.Seeds);
        var incoming = graph.Reverse();
        var inOffsets = incoming.OffsetArray;
        var inSources = incoming.TargetArray;
        var inWeights = incoming.WeightArray;
        var weighted = parameters.Weighted;

        var outWeight = new double[n];
        ParallelRanges.For(n, Grain, (s, e) =>
        {
            for (var u = s; u < e; u++)
            {
                if (weighted)
                {
                    double sum = 0;
                    foreach (var w in graph.NeighborWeights(u))
                    {
                        sum += w;
                    }

                    outWeight[u] = sum;
                }
                else
                {
                    outWeight[u] = graph.Degree(u);
                }
            }
        }, cancellationToken);

        var damping = parameters.Damping;
        var scores = new double[n];
        if (restart is null)
        {
            Array.Fill(scores, 1.0 / n);
        }
        else
        {
            Array.Copy(restart, scores, n);
        }

        var next = new double[n];
        var contribution = new double[n];
        var chunks = (n + Grain - 1) / Grain;
        var partial = new double[chunks];
        var iterations = 0;
        var delta = double.PositiveInfinity;
        while (iterations < parameters.MaxIterations && delta > parameters.Tolerance)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = scores;
            ParallelRanges.For(n, Grain, (s, e) =>
            {
                double dangling = 0;
                for (var u = s; u < e; u++)
                {
                    var ow = outWeight[u];
                    if (ow > 0)
                    {
                        contribution[u] = current[u] / ow;
                    }
                    else
                    {
                        contribution[u] = 0;
                        dangling += current[u];
                    }
                }

                partial[s / Grain] = dangling;
            }, cancellationToken);
            var danglingMass = Sum(partial);

            var target = next;
            ParallelRanges.For(n, Grain, (s, e) =>
            {
                double change = 0;
                for (var v = s; v < e; v++)
                {
                    double sum = 0;
                    var end = inOffsets[v + 1];
                    if (weighted)
                    {
                        for (var k = inOffsets[v]; k < end; k++)
                        {
                            sum += contribution[inSources[k]] * inWeights[k];
                        }
                    }
                    else
                    {
                        for (var k = inOffsets[v]; k < end; k++)
                        {
                            sum += contribution[inSources[k]];
                        }
                    }

                    var teleport = restart is null ? 1.0 / n : restart[v];
                    var value = ((1 - damping) * teleport) + (damping * (sum + (danglingMass * teleport)));
                    target[v] = value;
                    change += Math.Abs(value - current[v]);
                }

                partial[s / Grain] = change;
            }, cancellationToken);
            delta = Sum(partial);
            (scores, next) = (next, scores);
            iterations++;
            progress?.Report((double)iterations / parameters.MaxIterations);
        }

        progress?.Report(1.0);
        return new PageRankResult(scores, iterations, delta <= parameters.Tolerance, delta);
    }

    private static double[]? Restart(int n, IReadOnlyCollection<int>? seeds)
    {
        if (seeds is null || seeds.Count == 0)
        {
            return null;
        }

        var distinct = new HashSet<int>(seeds);
        var restart = new double[n];
        foreach (var s in distinct)
        {
            if ((uint)s >= (uint)n)
            {
                throw new ArgumentOutOfRangeException(nameof(seeds), s, $"Seed {s} is not a node of this graph (0..{n - 1}).");
            }

            restart[s] = 1.0 / distinct.Count;
        }

        return restart;
    }

    private static double Sum(double[] values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
