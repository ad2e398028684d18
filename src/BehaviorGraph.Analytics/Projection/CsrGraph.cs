namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// Compressed sparse row adjacency: the neighbours of node <c>u</c> are
/// <c>Targets[Offsets[u]..Offsets[u+1]]</c>, sorted ascending, with parallel <c>Weights</c> (and, when projected
/// with them, first/last times and counts). An undirected graph stores every edge in both endpoints' rows.
/// </summary>
public sealed class CsrGraph
{
    internal readonly int[] OffsetArray;
    internal readonly int[] TargetArray;
    internal readonly float[] WeightArray;
    internal readonly long[]? FirstMsArray;
    internal readonly long[]? LastMsArray;
    internal readonly int[]? CountArray;

    internal CsrGraph(
        IdMap idMap,
        Orientation orientation,
        int[] offsets,
        int[] targets,
        float[] weights,
        long[]? firstMs = null,
        long[]? lastMs = null,
        int[]? counts = null)
    {
        if (offsets.Length != idMap.Count + 1)
        {
            throw new ArgumentException($"Offsets must have {idMap.Count + 1} entries, not {offsets.Length}.", nameof(offsets));
        }

        IdMap = idMap;
        Orientation = orientation;
        OffsetArray = offsets;
        TargetArray = targets;
        WeightArray = weights;
        FirstMsArray = firstMs;
        LastMsArray = lastMs;
        CountArray = counts;
    }

    public IdMap IdMap { get; }

    public Orientation Orientation { get; }

    public bool IsUndirected => Orientation == Orientation.Undirected;

    public int NodeCount => OffsetArray.Length - 1;

    /// <summary>Adjacency entries; an undirected edge counts twice (once per endpoint).</summary>
    public int EntryCount => TargetArray.Length;

    public bool HasTimes => FirstMsArray is not null;

    public bool HasCounts => CountArray is not null;

    public ReadOnlySpan<int> Offsets => OffsetArray;

    public ReadOnlySpan<int> Targets => TargetArray;

    public ReadOnlySpan<float> Weights => WeightArray;

    public int Degree(int node) => OffsetArray[node + 1] - OffsetArray[node];

    public ReadOnlySpan<int> Neighbors(int node) =>
        TargetArray.AsSpan(OffsetArray[node], OffsetArray[node + 1] - OffsetArray[node]);

    public ReadOnlySpan<float> NeighborWeights(int node) =>
        WeightArray.AsSpan(OffsetArray[node], OffsetArray[node + 1] - OffsetArray[node]);

    public ReadOnlySpan<long> NeighborFirstMs(int node) =>
        FirstMsArray is null ? throw NoMetadata("times") : FirstMsArray.AsSpan(OffsetArray[node], Degree(node));

    public ReadOnlySpan<long> NeighborLastMs(int node) =>
        LastMsArray is null ? throw NoMetadata("times") : LastMsArray.AsSpan(OffsetArray[node], Degree(node));

    public ReadOnlySpan<int> NeighborCounts(int node) =>
        CountArray is null ? throw NoMetadata("counts") : CountArray.AsSpan(OffsetArray[node], Degree(node));

    /// <summary>Whether <paramref name="target"/> is in the row of <paramref name="source"/> (binary search).</summary>
    public bool HasEdge(int source, int target) => Neighbors(source).BinarySearch(target) >= 0;

    /// <summary>Weight of the edge, or 0 when absent.</summary>
    public float EdgeWeight(int source, int target)
    {
        var index = Neighbors(source).BinarySearch(target);
        return index >= 0 ? WeightArray[OffsetArray[source] + index] : 0f;
    }

    /// <summary>Bytes held by the arrays: 4 per offset, 4 per target, 4 per weight, plus optional metadata.</summary>
    public long MemoryBytes =>
        (4L * OffsetArray.Length) + (4L * TargetArray.Length) + (4L * WeightArray.Length)
        + (8L * (FirstMsArray?.Length ?? 0)) + (8L * (LastMsArray?.Length ?? 0)) + (4L * (CountArray?.Length ?? 0));

    /// <summary><see cref="MemoryBytes"/> per adjacency entry (0 for an empty graph).</summary>
    public double BytesPerEntry => EntryCount == 0 ? 0 : (double)MemoryBytes / EntryCount;

    /// <summary>The same graph with every edge reversed; an undirected graph is returned as is.</summary>
    public CsrGraph Reverse()
    {
        if (IsUndirected)
        {
            return this;
        }

        var label = Orientation == Orientation.Natural ? Orientation.Reverse : Orientation.Natural;
        return CsrBuilder.Build(IdMap, ToEdgeBuffer(), Orientation.Reverse, merge: false, label);
    }

    /// <summary>
    /// Undirected version: u→v and v→u become one undirected edge whose weight is their sum.
    /// An undirected graph is returned as is.
    /// </summary>
    public CsrGraph ToUndirected() =>
        IsUndirected ? this : CsrBuilder.Build(IdMap, ToEdgeBuffer(), Orientation.Undirected, merge: true);

    internal EdgeBuffer ToEdgeBuffer()
    {
        var buffer = new EdgeBuffer(HasTimes, HasCounts, EntryCount);
        for (var u = 0; u < NodeCount; u++)
        {
            for (var e = OffsetArray[u]; e < OffsetArray[u + 1]; e++)
            {
                buffer.Add(
                    u,
                    TargetArray[e],
                    WeightArray[e],
                    FirstMsArray?[e] ?? 0,
                    LastMsArray?[e] ?? 0,
                    CountArray?[e] ?? 1);
            }
        }

        return buffer;
    }

    private static InvalidOperationException NoMetadata(string what) =>
        new($"This graph holds no edge {what}; build it from an edge buffer made with{char.ToUpperInvariant(what[0])}{what[1..]}: true.");
}
