using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors.Identities;

/// <summary>
/// How alike the accounts behind one identifier are, against random cohorts of the same size from the same platform:
/// the mean overlap (Jaccard) of the targets member pairs engaged, and the spread of their signup times (10th–90th
/// percentile). Unrelated people behind a carrier NAT look like a random cohort; a farm's accounts work the same
/// targets or were made together.
/// </summary>
internal sealed class CohortLikeness(CsrGraph engagement, long[] firstSeenMs, int accounts, int pairSamples, int nullCohorts, ulong seed)
{
    public CohortComparison Compare(IReadOnlyList<int> members, int salt)
    {
        var random = new SplitMix64(seed ^ (ulong)(uint)salt * 0x9E3779B97F4A7C15UL);
        var overlap = MeanOverlap(members, ref random);
        var spread = (double)DetectorMath.Spread1090([.. members.Select(m => firstSeenMs[m])]);
        var nullOverlap = new double[nullCohorts];
        var nullSpread = new double[nullCohorts];
        var cohort = new int[members.Count];
        for (var c = 0; c < nullCohorts; c++)
        {
            for (var i = 0; i < cohort.Length; i++)
            {
                cohort[i] = random.NextInt(accounts);
            }

            nullOverlap[c] = MeanOverlap(cohort, ref random);
            nullSpread[c] = DetectorMath.Spread1090([.. cohort.Select(m => firstSeenMs[m])]);
        }

        var (overlapMean, overlapSd) = MeanSd(nullOverlap);
        var (spreadMean, spreadSd) = MeanSd(nullSpread);
        return new CohortComparison(
            overlap,
            overlapMean,
            Deviations(overlap - overlapMean, overlapSd, overlapMean),
            spread,
            spreadMean,
            Deviations(spreadMean - spread, spreadSd, spreadMean));
    }

    private double MeanOverlap(IReadOnlyList<int> members, ref SplitMix64 random)
    {
        if (members.Count < 2)
        {
            return 0;
        }

        var all = (long)members.Count * (members.Count - 1) / 2;
        var samples = (int)Math.Min(all, pairSamples);
        double sum = 0;
        for (var s = 0; s < samples; s++)
        {
            int i, j;
            if (all <= pairSamples)
            {
                (i, j) = PairAt(s, members.Count);
            }
            else
            {
                i = random.NextInt(members.Count);
                j = random.NextInt(members.Count - 1);
                j += j >= i ? 1 : 0;
            }

            sum += Jaccard(engagement.Neighbors(members[i]), engagement.Neighbors(members[j]));
        }

        return sum / samples;
    }

    private static (int I, int J) PairAt(int index, int n)
    {
        var i = 0;
        var rowLength = n - 1;
        while (index >= rowLength)
        {
            index -= rowLength;
            i++;
            rowLength--;
        }

        return (i, i + 1 + index);
    }

    private static double Jaccard(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 0;
        }

        var common = 0;
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                common++;
                i++;
                j++;
            }
        }

        return (double)common / (a.Length + b.Length - common);
    }

    private static (double Mean, double Sd) MeanSd(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1);
        return (mean, Math.Sqrt(variance));
    }

    /// <summary>Standard deviations above the null; a null without spread counts a tenth of its mean as one deviation.</summary>
    private static double Deviations(double excess, double sd, double mean)
    {
        var scale = Math.Max(sd, 0.1 * Math.Abs(mean));
        return scale <= 0 ? (excess > 0 ? double.PositiveInfinity : 0) : excess / scale;
    }
}
