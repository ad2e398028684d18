using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

/// <summary>
/// FRAUDAR (Hooi et al., KDD 2016) greedy peeling on the bipartite view of a directed graph: every node appears as
/// a source (its out-edges) and as a target (its in-edges). Starting from all nodes with edges, repeatedly remove
/// the side-node whose remaining edges carry the least suspiciousness, track g(S) = f(S)/|S| and keep the best
/// prefix. An indexed four-ary heap with decrease-key makes one peel O(E log V); each further block costs another
/// peel on the edges left.
/// </summary>
public static partial class Fraudar
{
    public static FraudarResult Run(CsrGraph graph, FraudarParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Run(graph, parameters, null, progress, cancellationToken);

    /// <summary>
    /// FRAUDAR on <paramref name="graph"/>; with a <paramref name="background"/>, <paramref name="graph"/> is one part of
    /// a larger graph (a region) and column weights and the degree-corrected prediction use the larger graph's degrees.
    /// </summary>
    public static FraudarResult Run(
        CsrGraph graph, FraudarParameters parameters, FraudarBackground? background, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(parameters);
        if (background is not null && (background.OutDegree.Length != graph.NodeCount || background.InDegree.Length != graph.NodeCount || parameters.UseEdgeWeights))
        {
            throw new ArgumentException("A background gives one out- and in-degree per node of the graph, and needs unweighted edges.", nameof(background));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MaxBlocks, 1);
        if (parameters.ColumnConstant <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.ColumnConstant, "ColumnConstant must be positive.");
        }

        var n = graph.NodeCount;
        var constant = parameters.ColumnConstant;
        var peel = PeelGraph.Build(
            graph,
            background is null ? (_, inDegree) => 1.0 / Math.Log(inDegree + constant) : (v, _) => 1.0 / Math.Log(background.InDegree[v] + constant),
            parameters.UseEdgeWeights);

        double[]? targetMass = null;
        if (background is not null)
        {
            targetMass = new double[n];
            for (var v = 0; v < n; v++)
            {
                var d = background.InDegree[v];
                targetMass[v] = d == 0 ? 0 : d / Math.Log(d + constant);
            }
        }

        var blocks = new List<FraudarBlock>();
        double graphDensity = 0;
        for (var round = 0; round < parameters.MaxBlocks; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parameters.CoreThreshold > 0)
            {
                if (round == 0)
                {
                    graphDensity = StartDensity(peel);
                }

                PruneToCore(peel, parameters.CoreThreshold);
            }

            var (block, startDensity) = parameters.DegreeCorrected
                ? PeelDegreeCorrected(peel, background, targetMass, cancellationToken)
                : Peel(peel, cancellationToken);
            if (round == 0 && parameters.CoreThreshold <= 0)
            {
                graphDensity = startDensity;
            }

            if (block is null || block.Density < parameters.MinDensity || block.Sources.Length < parameters.MinSources)
            {
                break;
            }

            blocks.Add(block);
            RemoveBlockEdges(peel, block);
            progress?.Report((double)(round + 1) / parameters.MaxBlocks);
        }

        progress?.Report(1.0);
        return new FraudarResult(blocks, graphDensity);
    }

    private static (FraudarBlock? Block, double StartDensity) Peel(PeelGraph peel, CancellationToken cancellationToken)
    {
        var n = peel.NodeCount;
        var (offsets, outWeight, outAlive) = (peel.Offsets, peel.OutWeight, peel.OutAlive);
        var (inOffsets, inAlive) = (peel.InOffsets, peel.InAlive);

        // Side-node ids: 0..n-1 = node as source, n..2n-1 = node as target.
        var priority = AliveWeights(peel);
        double f = 0;
        for (var e = 0; e < outWeight.Length; e++)
        {
            f += outAlive[e] ? outWeight[e] : 0;
        }

        var heap = new IndexedMinHeap(2 * n);
        for (var u = 0; u < n; u++)
        {
            if (HasAlive(outAlive, offsets[u], offsets[u + 1]))
            {
                heap.Insert(u, priority[u]);
            }

            if (HasAlive(inAlive, inOffsets[u], inOffsets[u + 1]))
            {
                heap.Insert(n + u, priority[n + u]);
            }
        }

        if (heap.Count == 0)
        {
            return (null, 0);
        }

        var size = heap.Count;
        var startDensity = f / size;
        var best = startDensity;
        var bestRemoved = 0;
        var removal = new int[size];
        var popped = new bool[2 * n];
        var (neighbours, lowered, slots) = NeighbourBuffers(peel);
        var removed = 0;
        while (heap.Count > 0)
        {
            if ((removed & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var x = heap.PopMin();
            popped[x] = true;
            removal[removed++] = x;
            var count = Neighbours(peel, x, popped, neighbours, lowered, ref f);
            for (var i = 0; i < count; i++)
            {
                ref var key = ref priority[neighbours[i]];
                key = Math.Max(0, key - lowered[i]);
                lowered[i] = key;
            }

            heap.DecreaseKeys(neighbours.AsSpan(0, count), lowered.AsSpan(0, count), slots);

            var remaining = size - removed;
            if (remaining > 0 && f / remaining > best)
            {
                best = f / remaining;
                bestRemoved = removed;
            }
        }

        return (CollectBlock(peel, removal, bestRemoved, size, null), startDensity);
    }

    /// <summary>
    /// Each side-node's suspiciousness on its alive edges (sources 0..n-1, targets n..2n-1), summed along out- and
    /// in-lists: the same sums, in the same order, as one sweep over the edges.
    /// </summary>
    private static double[] AliveWeights(PeelGraph peel)
    {
        var n = peel.NodeCount;
        var weight = new double[2 * n];
        for (var u = 0; u < n; u++)
        {
            double source = 0, target = 0;
            for (var e = peel.Offsets[u]; e < peel.Offsets[u + 1]; e++)
            {
                source += peel.OutAlive[e] ? peel.OutWeight[e] : 0;
            }

            for (var k = peel.InOffsets[u]; k < peel.InOffsets[u + 1]; k++)
            {
                target += peel.InAlive[k] ? peel.InWeight[k] : 0;
            }

            weight[u] = source;
            weight[n + u] = target;
        }

        return weight;
    }

    /// <summary>
    /// The ends of side-node <paramref name="x"/>'s alive edges that are still in the peel, into
    /// <paramref name="neighbours"/>, with the edges' suspiciousness into <paramref name="weights"/>, which is taken off
    /// <paramref name="f"/> edge by edge; how many there are.
    /// </summary>
    private static int Neighbours(PeelGraph peel, int x, bool[] popped, int[] neighbours, double[] weights, ref double f)
    {
        var n = peel.NodeCount;
        var count = 0;
        if (x < n)
        {
            for (var e = peel.Offsets[x]; e < peel.Offsets[x + 1]; e++)
            {
                var other = n + peel.Targets[e];
                if (peel.OutAlive[e] && !popped[other])
                {
                    f -= peel.OutWeight[e];
                    neighbours[count] = other;
                    weights[count++] = peel.OutWeight[e];
                }
            }
        }
        else
        {
            var v = x - n;
            for (var k = peel.InOffsets[v]; k < peel.InOffsets[v + 1]; k++)
            {
                var other = peel.InSource[k];
                if (peel.InAlive[k] && !popped[other])
                {
                    f -= peel.InWeight[k];
                    neighbours[count] = other;
                    weights[count++] = peel.InWeight[k];
                }
            }
        }

        return count;
    }

    /// <summary>Scratch space for one popped side-node's neighbours: their ids, new keys and heap slots.</summary>
    private static (int[] Neighbours, double[] Lowered, int[] Slots) NeighbourBuffers(PeelGraph peel) =>
        (new int[peel.MaxDegree], new double[peel.MaxDegree], new int[peel.MaxDegree]);

    /// <summary>
    /// The block left after the first <paramref name="removedBefore"/> removals: its sources, targets, edges and f(S);
    /// its density is f(S) / |S| unless the peel measured another one (<paramref name="density"/>).
    /// </summary>
    private static FraudarBlock CollectBlock(PeelGraph peel, int[] removal, int removedBefore, int size, double? density)
    {
        var n = peel.NodeCount;
        var inBlock = new bool[2 * n];
        for (var i = removedBefore; i < size; i++)
        {
            inBlock[removal[i]] = true;
        }

        var sources = new List<int>();
        var sinks = new List<int>();
        for (var u = 0; u < n; u++)
        {
            if (inBlock[u])
            {
                sources.Add(u);
            }

            if (inBlock[n + u])
            {
                sinks.Add(u);
            }
        }

        double blockF = 0;
        long blockEdges = 0;
        foreach (var u in sources)
        {
            for (var e = peel.Offsets[u]; e < peel.Offsets[u + 1]; e++)
            {
                if (peel.OutAlive[e] && inBlock[n + peel.Targets[e]])
                {
                    blockF += peel.OutWeight[e];
                    blockEdges++;
                }
            }
        }

        var members = sources.Count + sinks.Count;
        return new FraudarBlock([.. sources], [.. sinks], blockEdges, blockF, density ?? (members == 0 ? 0 : blockF / members));
    }

    /// <summary>g of the whole graph: total suspiciousness over the side-nodes that have an edge.</summary>
    private static double StartDensity(PeelGraph peel)
    {
        var n = peel.NodeCount;
        var present = new bool[2 * n];
        double f = 0;
        var size = 0;
        for (var u = 0; u < n; u++)
        {
            for (var e = peel.Offsets[u]; e < peel.Offsets[u + 1]; e++)
            {
                if (peel.OutAlive[e])
                {
                    f += peel.OutWeight[e];
                    size += Mark(present, u) + Mark(present, n + peel.Targets[e]);
                }
            }
        }

        return size == 0 ? 0 : f / size;
    }

    private static int Mark(bool[] present, int x)
    {
        if (present[x])
        {
            return 0;
        }

        present[x] = true;
        return 1;
    }

    /// <summary>Removes, repeatedly, every side-node whose alive edges carry less than <paramref name="threshold"/>.</summary>
    private static void PruneToCore(PeelGraph peel, double threshold)
    {
        var n = peel.NodeCount;
        var weight = AliveWeights(peel);

        var removed = new bool[2 * n];
        var stack = new Stack<int>();
        for (var x = 0; x < 2 * n; x++)
        {
            if (weight[x] > 0 && weight[x] < threshold)
            {
                removed[x] = true;
                stack.Push(x);
            }
        }

        while (stack.Count > 0)
        {
            var x = stack.Pop();
            if (x < n)
            {
                for (var e = peel.Offsets[x]; e < peel.Offsets[x + 1]; e++)
                {
                    if (peel.OutAlive[e])
                    {
                        peel.Remove(x, e);
                        Lower(n + peel.Targets[e], peel.OutWeight[e]);
                    }
                }
            }
            else
            {
                var v = x - n;
                for (var k = peel.InOffsets[v]; k < peel.InOffsets[v + 1]; k++)
                {
                    if (peel.InAlive[k])
                    {
                        peel.RemoveIn(v, k);
                        Lower(peel.InSource[k], peel.InWeight[k]);
                    }
                }
            }
        }

        void Lower(int other, double by)
        {
            weight[other] -= by;
            if (!removed[other] && weight[other] < threshold)
            {
                removed[other] = true;
                stack.Push(other);
            }
        }
    }

    private static bool HasAlive(bool[] alive, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (alive[k])
            {
                return true;
            }
        }

        return false;
    }

    private static void RemoveBlockEdges(PeelGraph peel, FraudarBlock block)
    {
        var isTarget = new bool[peel.NodeCount];
        foreach (var v in block.Targets)
        {
            isTarget[v] = true;
        }

        foreach (var u in block.Sources)
        {
            for (var e = peel.Offsets[u]; e < peel.Offsets[u + 1]; e++)
            {
                if (peel.OutAlive[e] && isTarget[peel.Targets[e]])
                {
                    peel.Remove(u, e);
                }
            }
        }
    }
}
