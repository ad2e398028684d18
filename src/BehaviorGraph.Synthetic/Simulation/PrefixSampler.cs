namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>Weighted sampling over a static weight array, optionally restricted to an index range.</summary>
internal sealed class PrefixSampler
{
    private readonly double[] _prefix;

    public PrefixSampler(ReadOnlySpan<double> weights)
    {
        _prefix = new double[weights.Length + 1];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            _prefix[i + 1] = sum;
        }
    }

    public int Count => _prefix.Length - 1;

    public int Sample(Pcg32 rng) => Sample(rng, 0, Count);

    /// <summary>Index in [lo, hi) drawn proportionally to weight; requires hi &gt; lo.</summary>
    public int Sample(Pcg32 rng, int lo, int hi)
    {
        double a = _prefix[lo];
        double x = a + (rng.NextDouble() * (_prefix[hi] - a));
        int left = lo;
        int right = hi - 1;
        while (left < right)
        {
            int mid = (left + right + 1) >> 1;
            if (_prefix[mid] <= x)
            {
                left = mid;
            }
            else
            {
                right = mid - 1;
            }
        }

        return left;
    }
}
