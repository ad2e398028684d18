namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// How often two of a target's engagers co-act by chance, per target and scale. A target's own timeline cannot say
/// (a bot job on it is exactly what would inflate it), so the rate comes from the platform: the median, over targets
/// with about as many engagers (the same power of two), of the share of engager pairs within the window — organic
/// targets are the many, so the median is theirs. It never falls below what two times drawn at random over the whole
/// observed period give (2W / span).
/// </summary>
internal sealed class ChanceRates
{
    private const int MinTargetsPerBin = 20;
    private readonly double[] _rate;
    private readonly int _scales;

    private ChanceRates(double[] rate, int scales, double[] binRates, int bins)
    {
        _rate = rate;
        _scales = scales;
        BinRates = binRates;
        Bins = bins;
    }

    /// <summary>Per engager-count bin (⌊log2 engagers⌋) and scale: the chance rate, row-major.</summary>
    public double[] BinRates { get; }

    public int Bins { get; }

    public double Of(int target, int scale) => _rate[(target * _scales) + scale];

    public static ChanceRates Measure(TargetTimelines timelines, IReadOnlyList<long> windowsMs)
    {
        var scales = windowsMs.Count;
        var targets = timelines.TargetCount;
        long minTime = long.MaxValue, maxTime = long.MinValue;
        foreach (var t in timelines.Times)
        {
            minTime = Math.Min(minTime, t);
            maxTime = Math.Max(maxTime, t);
        }

        var span = Math.Max(1, maxTime - minTime);
        var own = new double[targets * scales];
        var bin = new int[targets];
        var bins = 0;
        for (var t = 0; t < targets; t++)
        {
            var n = timelines.EngagersOf(t);
            bin[t] = n < 2 ? -1 : 31 - int.LeadingZeroCount(n);
            bins = Math.Max(bins, bin[t] + 1);
            if (n < 2)
            {
                continue;
            }

            var from = timelines.TargetOffsets[t];
            var pairs = (double)n * (n - 1) / 2;
            for (var s = 0; s < scales; s++)
            {
                long within = 0;
                var hi = from;
                for (var i = from; i < from + n; i++)
                {
                    hi = Math.Max(hi, i);
                    while (hi + 1 < from + n && timelines.Times[hi + 1] - timelines.Times[i] <= windowsMs[s])
                    {
                        hi++;
                    }

                    within += hi - i;
                }

                own[(t * scales) + s] = within / pairs;
            }
        }

        var members = new List<int>[bins];
        for (var t = 0; t < targets; t++)
        {
            if (bin[t] >= 0)
            {
                (members[bin[t]] ??= []).Add(t);
            }
        }

        var binRates = new double[bins * scales];
        for (var b = 0; b < bins; b++)
        {
            // A sparse bin borrows its neighbours until it holds enough targets for a stable median.
            var pool = new List<int>(members[b] ?? []);
            for (var reach = 1; pool.Count < MinTargetsPerBin && reach < bins; reach++)
            {
                if (b - reach >= 0 && members[b - reach] is { } below)
                {
                    pool.AddRange(below);
                }

                if (b + reach < bins && members[b + reach] is { } above)
                {
                    pool.AddRange(above);
                }
            }

            for (var s = 0; s < scales; s++)
            {
                var values = pool.Select(t => own[(t * scales) + s]).Order().ToArray();
                var median = values.Length == 0 ? 0 : values[values.Length / 2];
                binRates[(b * scales) + s] = Math.Max(median, Math.Min(1, 2.0 * windowsMs[s] / span));
            }
        }

        var rate = new double[targets * scales];
        for (var t = 0; t < targets; t++)
        {
            for (var s = 0; s < scales; s++)
            {
                rate[(t * scales) + s] = bin[t] < 0 ? 1 : binRates[(bin[t] * scales) + s];
            }
        }

        return new ChanceRates(rate, scales, binRates, bins);
    }
}
