namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>Hour-of-day profiles: people are evening-heavy, bot farms run around the clock.</summary>
internal static class Diurnal
{
    private static readonly double[] HumanWeights =
    [
        2.0, 1.2, 0.7, 0.4, 0.3, 0.4, 0.8, 1.5, 2.0, 2.2, 2.3, 2.6,
        3.0, 2.8, 2.6, 2.7, 3.0, 3.6, 4.6, 5.4, 6.0, 5.8, 4.6, 3.2,
    ];

    private static readonly byte[] HumanHours = BuildTable(HumanWeights);

    /// <summary>Seconds after midnight of a human session start.</summary>
    public static int HumanSecondOfDay(Pcg32 rng) => (HumanHours[rng.Next(HumanHours.Length)] * 3600) + rng.Next(3600);

    public static int AnySecondOfDay(Pcg32 rng) => rng.Next(Timeline.Day);

    private static byte[] BuildTable(double[] weights)
    {
        const int size = 4096;
        double total = weights.Sum();
        var table = new byte[size];
        int filled = 0;
        double cumulative = 0;
        for (int hour = 0; hour < weights.Length; hour++)
        {
            cumulative += weights[hour];
            int upTo = hour == weights.Length - 1 ? size : (int)Math.Round(cumulative / total * size);
            for (; filled < upTo; filled++)
            {
                table[filled] = (byte)hour;
            }
        }

        return table;
    }
}
