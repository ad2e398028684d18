namespace BehaviorGraph.Analytics.Projection;

/// <summary>Compact growable edge list (parallel arrays of ints and floats): no object per edge.</summary>
internal sealed class EdgeBuffer(bool withTimes, bool withCounts, int capacity = 1024)
{
    public int[] Sources = new int[Math.Max(capacity, 16)];
    public int[] Targets = new int[Math.Max(capacity, 16)];
    public float[] Weights = new float[Math.Max(capacity, 16)];
    public long[]? FirstMs = withTimes ? new long[Math.Max(capacity, 16)] : null;
    public long[]? LastMs = withTimes ? new long[Math.Max(capacity, 16)] : null;
    public int[]? Counts = withCounts ? new int[Math.Max(capacity, 16)] : null;

    public int Length { get; private set; }

    public bool HasTimes => FirstMs is not null;

    public bool HasCounts => Counts is not null;

    public void Add(int source, int target, float weight, long firstMs = 0, long lastMs = 0, int count = 1)
    {
        if (Length == Sources.Length)
        {
            Grow();
        }

        var i = Length++;
        Sources[i] = source;
        Targets[i] = target;
        Weights[i] = weight;
        if (FirstMs is not null)
        {
            FirstMs[i] = firstMs;
            LastMs![i] = lastMs;
        }

        if (Counts is not null)
        {
            Counts[i] = count;
        }
    }

    private void Grow()
    {
        var size = Sources.Length >= 1 << 29 ? Array.MaxLength : Sources.Length * 2;
        if (size <= Sources.Length)
        {
            throw new InvalidOperationException("The projection has more edges than one edge buffer can hold.");
        }

        Array.Resize(ref Sources, size);
        Array.Resize(ref Targets, size);
        Array.Resize(ref Weights, size);
        if (FirstMs is not null)
        {
            Array.Resize(ref FirstMs, size);
            Array.Resize(ref LastMs, size);
        }

        if (Counts is not null)
        {
            Array.Resize(ref Counts, size);
        }
    }
}
