namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// How many clusters of one kind a platform gets and how large they may be: sizes are capped at a tenth of the
/// platform (unless that is below the kind's smallest size) and each kind at about 15% of the accounts, whatever the
/// rate says. Shared by the planner and by <see cref="SyntheticOptions.Validate"/>, which checks the worst case.
/// </summary>
internal static class ClusterSizing
{
    public static readonly SyntheticRange RingSizes = new(15, 60);
    public static readonly SyntheticRange BotSizes = new(20, 80);

    public static (int Count, int Upper) Plan(int accounts, double per10k, SyntheticRange sizes)
    {
        if (per10k <= 0)
        {
            return (0, 0);
        }

        int upper = Math.Clamp(accounts / 10, sizes.Min, sizes.Max);
        int count = Math.Max(1, (int)Math.Round(accounts * per10k / 10_000));
        count = Math.Min(count, Math.Max(1, (int)(accounts * 0.15 / ((sizes.Min + upper) / 2.0))));
        return (count, upper);
    }

    public static int[] Draw(Pcg32 rng, int accounts, double per10k, SyntheticRange sizes)
    {
        (int count, int upper) = Plan(accounts, per10k, sizes);
        var drawn = new int[count];
        for (int i = 0; i < count; i++)
        {
            drawn[i] = rng.Next(sizes.Min, upper + 1);
        }

        return drawn;
    }

    /// <summary>The most accounts the planted clusters can add to the platform (hijacked block members are not added).</summary>
    public static long MostNewAbusiveAccounts(SyntheticOptions options)
    {
        long total = Most(options.Accounts, options.RingsPer10kAccounts, RingSizes)
            + Most(options.Accounts, options.BotClustersPer10kAccounts, BotSizes)
            + Most(options.Accounts, options.FarmsPer10kAccounts, options.FarmSize);
        if (options.BlockCamouflage != BlockCamouflage.Hijacked)
        {
            total += Most(options.Accounts, options.BlocksPer10kAccounts, options.BlockAccounts);
        }

        return total;
    }

    public static long MostHijackedAccounts(SyntheticOptions options) =>
        options.BlockCamouflage == BlockCamouflage.Hijacked ? Most(options.Accounts, options.BlocksPer10kAccounts, options.BlockAccounts) : 0;

    private static long Most(int accounts, double per10k, SyntheticRange sizes)
    {
        (int count, int upper) = Plan(accounts, per10k, sizes);
        return (long)count * upper;
    }
}
