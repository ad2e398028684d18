namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Which account × target pairs of an engagement block carry an engagement: exactly round(density · A · T) distinct
/// pairs, at least one for every account (an account that delivers nothing is not part of the block). Each account
/// first gets one target at random; the remaining pairs are drawn by selection sampling (Knuth's algorithm S) among
/// the others, every such pair equally likely. Requires density · T ≥ 1, which the options' validation ensures.
/// </summary>
internal static class BlockSampling
{
    public static IEnumerable<(int Account, int Target)> Pairs(Pcg32 rng, int accounts, int targets, double density)
    {
        long pairs = (long)accounts * targets;
        long wanted = Math.Clamp((long)Math.Round(density * pairs), accounts, pairs);
        var first = new int[accounts];
        for (int a = 0; a < accounts; a++)
        {
            first[a] = rng.Next(targets);
            yield return (a, first[a]);
        }

        long rest = wanted - accounts;
        long pool = pairs - accounts;
        long selected = 0;
        for (long p = 0; p < pairs && selected < rest; p++)
        {
            int a = (int)(p / targets);
            int t = (int)(p % targets);
            if (t == first[a])
            {
                continue;
            }

            if (rng.NextDouble() * pool-- < rest - selected)
            {
                selected++;
                yield return (a, t);
            }
        }
    }
}
