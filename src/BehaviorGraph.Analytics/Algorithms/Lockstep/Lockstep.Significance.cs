using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

public static partial class Lockstep
{
    /// <summary>
    /// Tests every pair with enough co-actions (moments, see <see cref="CountMoments"/>) and keeps those significant at the false discovery rate. A cheap bound
    /// first: counting only the targets where the pair co-acted gives a smaller expectation, hence a smaller chance, than
    /// counting every target both engaged — a pair not significant even so is dropped before its target lists are
    /// intersected.
    /// </summary>
    private static (long Pairs, long Tested, List<PairEvidence> Significant, double Cutoff) TestPairs(
        long[] keys, long[] payload, TargetTimelines timelines, ChanceRates chance, LockstepParameters parameters, CancellationToken cancellationToken)
    {
        var runStarts = new List<int>();
        long pairs = 0;
        for (var k = 0; k < keys.Length;)
        {
            var end = k + 1;
            while (end < keys.Length && keys[end] == keys[k])
            {
                end++;
            }

            pairs++;
            if (end - k >= parameters.MinSharedTargets)
            {
                runStarts.Add(k);
            }

            k = end;
        }

        var windows = parameters.WindowsMs;
        var scales = windows.Count;
        var bonferroni = Math.Log(scales);
        var loosest = Math.Log(parameters.FalseDiscoveryRate);
        var results = new PairEvidence?[runStarts.Count];
        ParallelRanges.For(runStarts.Count, 256, (s, e) =>
        {
            var coActions = new long[scales];
            var expected = new double[scales];
            var moments = new List<(long Time, long Gap)>();
            for (var r = s; r < e; r++)
            {
                var start = runStarts[r];
                var end = start + 1;
                while (end < keys.Length && keys[end] == keys[start])
                {
                    end++;
                }

                Array.Clear(expected);
                moments.Clear();
                for (var k = start; k < end; k++)
                {
                    var index = (int)(payload[k] >> 32);
                    moments.Add((timelines.Times[index], payload[k] & 0xFFFFFFFF));
                    var target = timelines.TargetOf[index];
                    for (var w = 0; w < scales; w++)
                    {
                        expected[w] += chance.Of(target, w);
                    }
                }

                CountMoments(moments, windows, coActions);
                if (BestChance(coActions, expected, out _) + bonferroni > loosest)
                {
                    continue;
                }

                var a = (int)(keys[start] >> 32);
                var b = (int)(keys[start] & 0xFFFFFFFF);
                Array.Clear(expected);
                var ta = timelines.TargetsOf(a);
                var tb = timelines.TargetsOf(b);
                for (int i = 0, j = 0; i < ta.Length && j < tb.Length;)
                {
                    if (ta[i] < tb[j])
                    {
                        i++;
                    }
                    else if (ta[i] > tb[j])
                    {
                        j++;
                    }
                    else
                    {
                        for (var w = 0; w < scales; w++)
                        {
                            expected[w] += chance.Of(ta[i], w);
                        }

                        i++;
                        j++;
                    }
                }

                var logChance = BestChance(coActions, expected, out var best) + bonferroni;
                if (logChance <= loosest)
                {
                    results[r] = new PairEvidence(a, b, start, end - start, (long[])coActions.Clone(), (double[])expected.Clone(), best, logChance);
                }
            }
        }, cancellationToken);

        var tested = results.Where(x => x is not null).Select(x => x!).OrderBy(x => x.LogChance).ThenBy(x => x.A).ThenBy(x => x.B).ToList();
        var (significant, cutoff) = Discoveries(tested, pairs, parameters.FalseDiscoveryRate);
        return (pairs, runStarts.Count, significant, cutoff);
    }

    /// <summary>The keys (a&lt;&lt;32|b) of the pairs with enough co-actions to be tested, ascending.</summary>
    private static long[] TestedKeys(long[] keys, LockstepParameters parameters)
    {
        var tested = new List<long>();
        for (var k = 0; k < keys.Length;)
        {
            var end = k + 1;
            while (end < keys.Length && keys[end] == keys[k])
            {
                end++;
            }

            if (end - k >= parameters.MinSharedTargets)
            {
                tested.Add(keys[k]);
            }

            k = end;
        }

        return [.. tested];
    }

    /// <summary>
    /// Benjamini–Hochberg over the pairs passing the loosest bar (ordered by chance, then actors): the largest k whose
    /// k-th smallest chance is at most q·k/m, m every pair that co-acted; those k and the cutoff they reach.
    /// </summary>
    private static (List<PairEvidence> Significant, double Cutoff) Discoveries(List<PairEvidence> tested, long pairs, double falseDiscoveryRate)
    {
        var significant = 0;
        var cutoff = Math.Log(falseDiscoveryRate / Math.Max(pairs, 1));
        for (var k = 1; k <= tested.Count; k++)
        {
            var threshold = Math.Log(falseDiscoveryRate * k / pairs);
            if (tested[k - 1].LogChance <= threshold)
            {
                significant = k;
                cutoff = threshold;
            }
        }

        return (tested.GetRange(0, significant), cutoff);
    }

    /// <summary>
    /// A pair's co-actions per scale, counted as separate moments: co-actions within the widest window of each other
    /// (the same session, several posts liked together) are one trial, not several — a common cause, such as two
    /// people scrolling the same feed at the same time, would otherwise pass for repeated lockstep.
    /// </summary>
    private static void CountMoments(List<(long Time, long Gap)> coActions, IReadOnlyList<long> windows, long[] counts)
    {
        coActions.Sort();
        for (var w = 0; w < windows.Count; w++)
        {
            long count = 0;
            var last = long.MinValue;
            foreach (var (time, gap) in coActions)
            {
                if (gap > windows[w])
                {
                    continue;
                }

                if (count == 0 || time - last > windows[^1])
                {
                    count++;
                }

                last = time;
            }

            counts[w] = count;
        }
    }

    /// <summary>The chance of a pair's co-actions under other per-target rates (natural log, scales' Bonferroni included).</summary>
    private static double Retest(PairEvidence pair, TargetTimelines timelines, Func<int, int, double> rate, double[] expected)
    {
        Array.Clear(expected);
        var ta = timelines.TargetsOf(pair.A);
        var tb = timelines.TargetsOf(pair.B);
        for (int i = 0, j = 0; i < ta.Length && j < tb.Length;)
        {
            if (ta[i] < tb[j])
            {
                i++;
            }
            else if (ta[i] > tb[j])
            {
                j++;
            }
            else
            {
                for (var w = 0; w < expected.Length; w++)
                {
                    expected[w] += rate(ta[i], w);
                }

                i++;
                j++;
            }
        }

        return BestChance(pair.CoActions, expected, out _) + Math.Log(expected.Length);
    }

    /// <summary>The smallest Chernoff bound over the scales (natural log) and the scale giving it.</summary>
    private static double BestChance(long[] coActions, double[] expected, out int bestScale)
    {
        var best = 0.0;
        bestScale = coActions.Length - 1;
        for (var w = 0; w < coActions.Length; w++)
        {
            var bound = LogChernoff(coActions[w], expected[w]);
            if (bound < best)
            {
                best = bound;
                bestScale = w;
            }
        }

        return best;
    }

    /// <summary>
    /// ln of the Chernoff bound on P(X ≥ x) for X a sum of independent Bernoulli trials with mean λ:
    /// x − λ + x·ln(λ / x) when x exceeds λ, else 0.
    /// </summary>
    internal static double LogChernoff(long x, double lambda)
    {
        lambda = Math.Max(lambda, 1e-12);
        return x <= lambda ? 0 : x - lambda + (x * Math.Log(lambda / x));
    }
}
