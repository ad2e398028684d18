using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

/// <summary>
/// The bipartite view a peel works on, as flat arrays for both sides: every node's out-edges in the graph's CSR order
/// and its in-edges with their source and suspiciousness copied beside them, each side with its own alive flags. Peeling
/// a target then reads its edges in one sequential sweep instead of jumping to each edge's source-side slot (on a large
/// graph a peel waits on memory, not arithmetic). An in-list holds its edges in source order, so the in-side copy of an
/// out-edge is found by binary search when an edge is removed.
/// </summary>
internal sealed class PeelGraph
{
    private PeelGraph(int nodeCount, int[] offsets, int[] targets, double[] outWeight, int[] inOffsets, int[] inSource, double[] inWeight)
    {
        NodeCount = nodeCount;
        Offsets = offsets;
        Targets = targets;
        OutWeight = outWeight;
        OutAlive = new bool[targets.Length];
        Array.Fill(OutAlive, true);
        InOffsets = inOffsets;
        InSource = inSource;
        InWeight = inWeight;
        InAlive = new bool[targets.Length];
        Array.Fill(InAlive, true);
        for (var u = 0; u < nodeCount; u++)
        {
            MaxDegree = Math.Max(MaxDegree, Math.Max(offsets[u + 1] - offsets[u], inOffsets[u + 1] - inOffsets[u]));
        }
    }

    public int NodeCount { get; }

    public long EdgeCount => Targets.Length;

    /// <summary>The most edges one side-node has (out- or in-), the size of a peel's per-node scratch space.</summary>
    public int MaxDegree { get; }

    public int[] Offsets { get; }

    public int[] Targets { get; }

    /// <summary>Each out-edge's suspiciousness (column weight, times the edge weight when asked).</summary>
    public double[] OutWeight { get; }

    public bool[] OutAlive { get; }

    public int[] InOffsets { get; }

    public int[] InSource { get; }

    public double[] InWeight { get; }

    public bool[] InAlive { get; }

    /// <summary>
    /// The peel view of <paramref name="graph"/>; an edge into v weighs <paramref name="columnWeight"/>(v), times the
    /// edge's weight when <paramref name="useEdgeWeights"/>.
    /// </summary>
    public static PeelGraph Build(CsrGraph graph, Func<int, int, double> columnWeight, bool useEdgeWeights)
    {
        var n = graph.NodeCount;
        var m = graph.EntryCount;
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        var inOffsets = new int[n + 1];
        foreach (var v in targets)
        {
            inOffsets[v + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            inOffsets[v + 1] += inOffsets[v];
        }

        var column = new double[n];
        for (var v = 0; v < n; v++)
        {
            column[v] = columnWeight(v, inOffsets[v + 1] - inOffsets[v]);
        }

        var outWeight = new double[m];
        var inSource = new int[m];
        var inWeight = new double[m];
        var cursor = inOffsets[..^1];
        for (var u = 0; u < n; u++)
        {
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var v = targets[e];
                var w = useEdgeWeights ? column[v] * graph.WeightArray[e] : column[v];
                outWeight[e] = w;
                var k = cursor[v]++;
                inSource[k] = u;
                inWeight[k] = w;
            }
        }

        return new PeelGraph(n, offsets, targets, outWeight, inOffsets, inSource, inWeight);
    }

    /// <summary>Marks out-edge <paramref name="e"/> (from <paramref name="source"/>) and its in-side copy removed.</summary>
    public void Remove(int source, int e)
    {
        OutAlive[e] = false;
        InAlive[InSlot(source, Targets[e])] = false;
    }

    /// <summary>Marks in-edge slot <paramref name="k"/> (into <paramref name="target"/>) and its out-side original removed.</summary>
    public void RemoveIn(int target, int k)
    {
        InAlive[k] = false;
        var source = InSource[k];
        var e = Array.BinarySearch(Targets, Offsets[source], Offsets[source + 1] - Offsets[source], target);
        OutAlive[e] = false;
    }

    private int InSlot(int source, int target) =>
        Array.BinarySearch(InSource, InOffsets[target], InOffsets[target + 1] - InOffsets[target], source);
}
