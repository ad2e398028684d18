namespace BehaviorGraph.Analytics.Detectors;

internal static class DetectorMath
{
    public static double Clamp01(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);

    /// <summary>0 at or below the baseline, 1 at <paramref name="saturation"/> × baseline or more; 1 for any positive value over a zero baseline.</summary>
    public static double AboveBaseline(double value, double baseline, double saturation)
    {
        if (value <= 0 || value <= baseline)
        {
            return 0;
        }

        return baseline <= 0 ? 1 : Clamp01(((value / baseline) - 1) / Math.Max(saturation - 1, 1e-9));
    }

    /// <summary>
    /// How far a group's count stands above what its size predicts from the platform's per-account average, in [0, 1]:
    /// the smaller of the rate ratio score (<see cref="AboveBaseline"/>) and a Poisson significance score (0 below
    /// 2 standard deviations over the expectation, 1 at 6 or more), so a handful of events in a small group never
    /// counts as much as a large excess.
    /// </summary>
    public static double Excess(double observed, int size, double perAccountBaseline, double saturation)
    {
        if (size <= 0 || observed <= 0)
        {
            return 0;
        }

        var expected = size * Math.Max(perAccountBaseline, 0);
        var z = (observed - expected) / Math.Sqrt(expected + 1);
        var significance = Clamp01((z - 2) / 4);
        return Math.Min(AboveBaseline(observed / size, perAccountBaseline, saturation), significance);
    }

    /// <summary>Value at quantile q (0..1) of an ascending-sorted span, by nearest rank.</summary>
    public static long Quantile(ReadOnlySpan<long> sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var index = (int)Math.Round(q * (sorted.Length - 1));
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    /// <summary>Spread between the 10th and 90th percentile of the values (robust to a few stragglers).</summary>
    public static long Spread1090(long[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var copy = (long[])values.Clone();
        Array.Sort(copy);
        return Quantile(copy, 0.9) - Quantile(copy, 0.1);
    }

    public static string Days(long ms)
    {
        var days = ms / 86_400_000.0;
        return days < 1 ? $"{Math.Max(1, Math.Round(ms / 3_600_000.0)):0} hour(s)" : $"{Math.Ceiling(days):0} day(s)";
    }
}
