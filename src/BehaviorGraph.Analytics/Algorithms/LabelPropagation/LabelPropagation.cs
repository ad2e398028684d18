using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.LabelPropagation;

/// <summary>
/// Asynchronous label propagation (Raghavan et al.) on the undirected graph: nodes are visited in a seeded random
/// order each iteration and take the label with the largest (weighted) neighbour vote; a node keeps its own label
/// when it is among the best, otherwise the smallest best label wins, so a seed fixes the result. Stops when an
/// iteration changes nothing. O(E) per iteration.
/// </summary>
public static class LabelPropagation
{
    public static LabelPropagationResult Run(CsrGraph graph, LabelPropagationParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MaxIterations, 1);
        var g = GraphRequirements.Undirected(graph);
        var n = g.NodeCount;
        var offsets = g.OffsetArray;
        var targets = g.TargetArray;
        var weights = g.WeightArray;
        var labels = new int[n];
        for (var u = 0; u < n; u++)
        {
            labels[u] = u;
        }

        var vote = new double[n];
        var seen = new int[n];
        var touched = new int[16];
        var random = new SplitMix64(parameters.Seed);
        var order = new int[n];
        for (var u = 0; u < n; u++)
        {
            order[u] = u;
        }

        var iterations = 0;
        var converged = false;
        var stamp = 0;
        while (iterations < parameters.MaxIterations && !converged)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            var changes = 0;
            foreach (var u in order)
            {
                var from = offsets[u];
                var to = offsets[u + 1];
                if (from == to)
                {
                    continue;
                }

                stamp++;
                var touchedCount = 0;
                for (var e = from; e < to; e++)
                {
                    var v = targets[e];
                    if (v == u)
                    {
                        continue;
                    }

                    var l = labels[v];
                    if (seen[l] != stamp)
                    {
                        seen[l] = stamp;
                        vote[l] = 0;
                        if (touchedCount == touched.Length)
                        {
                            Array.Resize(ref touched, touched.Length * 2);
                        }

                        touched[touchedCount++] = l;
                    }

                    vote[l] += parameters.Weighted ? weights[e] : 1.0;
                }

                if (touchedCount == 0)
                {
                    continue;
                }

                var own = labels[u];
                var best = -1;
                var bestVote = double.NegativeInfinity;
                for (var t = 0; t < touchedCount; t++)
                {
                    var l = touched[t];
                    if (vote[l] > bestVote || (vote[l] == bestVote && l < best))
                    {
                        best = l;
                        bestVote = vote[l];
                    }
                }

                if (seen[own] == stamp && vote[own] == bestVote)
                {
                    best = own;
                }

                if (best != own)
                {
                    labels[u] = best;
                    changes++;
                }
            }

            iterations++;
            converged = changes == 0;
            progress?.Report((double)iterations / parameters.MaxIterations);
        }

        var count = CommunityLabels.Compact(labels, n);
        var modularity = Modularity.Compute(offsets, targets, weights, null, labels, parameters.Resolution);
        progress?.Report(1.0);
        return new LabelPropagationResult(labels, count, iterations, converged, modularity);
    }
}
