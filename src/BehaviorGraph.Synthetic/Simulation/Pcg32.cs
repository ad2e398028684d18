namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// PCG-XSH-RR 32-bit generator (O'Neill). Own implementation so the output never depends on the
/// runtime's <see cref="Random"/> algorithm; each simulation stage draws from its own stream.
/// </summary>
internal sealed class Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private readonly ulong _increment;
    private ulong _state;

    public Pcg32(int seed, ulong stream)
    {
        _increment = (stream << 1) | 1UL;
        NextUInt();
        _state += unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
        NextUInt();
    }

    public uint NextUInt()
    {
        ulong old = _state;
        _state = unchecked(old * Multiplier + _increment);
        uint xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        int rotation = (int)(old >> 59);
        return (xorShifted >> rotation) | (xorShifted << (-rotation & 31));
    }

    /// <summary>Uniform integer in [0, maxExclusive); the multiply-shift bias is below 2^-32 · maxExclusive.</summary>
    public int Next(int maxExclusive) => (int)(((ulong)NextUInt() * (ulong)maxExclusive) >> 32);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble()
    {
        ulong high = NextUInt() >> 5;
        ulong low = NextUInt() >> 6;
        return ((high << 26) + low) * (1.0 / 9007199254740992.0);
    }

    public double NextDouble(double min, double max) => min + (NextDouble() * (max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Pareto sample with minimum 1 and tail index <paramref name="alpha"/>, capped to keep weights finite.</summary>
    public double Pareto(double alpha, double cap = 10_000) => Math.Min(cap, Math.Pow(1.0 - NextDouble(), -1.0 / alpha));

    public double Normal()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Exponential sample with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    public void Shuffle(Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
