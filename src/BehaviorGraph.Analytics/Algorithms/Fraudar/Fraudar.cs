using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

/// <summary>
/// FRAUDAR (Hooi et al., KDD 2016) greedy peeling on the bipartite view of a directed graph: every node appears as
/// a source (its out-edges) and as a target (its in-edges). Starting from all nodes with edges, repeatedly remove
/// the side-node whose remaining edges carry the least suspiciousness, track g(S) = f(S)/|S| and keep the best
/// prefix. An indexed binary heap with decrease-key makes one peel O(E log V); each further block costs another
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
        var m = graph.EntryCount;
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;

        var entrySource = new int[m];
        var inOffsets = new int[n + 1];
        for (var u = 0; u < n; u++)
        {
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                entrySource[e] = u;
                inOffsets[targets[e] + 1]++;
            }
        }

        for (var v = 0; v < n; v++)
        {
            inOffsets[v + 1] += inOffsets[v];
        }

        var inEntries = new int[m];
        var cursor = (int[])inOffsets.Clone();
        for (var e = 0; e < m; e++)
        {
            inEntries[cursor[targets[e]]++] = e;
        }

        var suspiciousness = new double[m];
        for (var e = 0; e < m; e++)
        {
            var v = targets[e];
            var column = 1.0 / Math.Log((background?.InDegree[v] ?? (inOffsets[v + 1] - inOffsets[v])) + parameters.ColumnConstant);
            suspiciousness[e] = parameters.UseEdgeWeights ? column * graph.WeightArray[e] : column;
        }

        double[]? targetMass = null;
        if (background is not null)
        {
            targetMass = new double[n];
            for (var v = 0; v < n; v++)
            {
                var d = background.InDegree[v];
                targetMass[v] = d == 0 ? 0 : d / Math.Log(d + parameters.ColumnConstant);
            }
        }

        var alive = new bool[m];
        Array.Fill(alive, true);
        var blocks = new List<FraudarBlock>();
        double graphDensity = 0;
        for (var round = 0; round < parameters.MaxBlocks; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parameters.CoreThreshold > 0)
            {
                if (round == 0)
                {
                    graphDensity = StartDensity(n, targets, entrySource, suspiciousness, alive);
                }

                PruneToCore(n, offsets, targets, entrySource, inOffsets, inEntries, suspiciousness, alive, parameters.CoreThreshold);
            }

            var peel = parameters.DegreeCorrected
                ? PeelDegreeCorrected(n, offsets, targets, entrySource, inOffsets, inEntries, suspiciousness, alive, background, targetMass, cancellationToken)
                : Peel(n, offsets, targets, entrySource, inOffsets, inEntries, suspiciousness, alive, cancellationToken);
            if (round == 0 && parameters.CoreThreshold <= 0)
            {
                graphDensity = peel.StartDensity;
            }

            if (peel.Block is null || peel.Block.Density < parameters.MinDensity || peel.Block.Sources.Length < parameters.MinSources)
            {
                break;
            }

            blocks.Add(peel.Block);
            RemoveBlockEdges(peel.Block, n, offsets, targets, alive);
            progress?.Report((double)(round + 1) / parameters.MaxBlocks);
        }

        progress?.Report(1.0);
        return new FraudarResult(blocks, graphDensity);
    }

    private static (FraudarBlock? Block, double StartDensity) Peel(
        int n,
        int[] offsets,
        int[] targets,
        int[] entrySource,
        int[] inOffsets,
        int[] inEntries,
        double[] suspiciousness,
        bool[] alive,
        CancellationToken cancellationToken)
    {
        // Side-node ids: 0..n-1 = node as source, n..2n-1 = node as target.
        var priority = new double[2 * n];
        double f = 0;
        long edges = 0;
        for (var e = 0; e < alive.Length; e++)
        {
            if (!alive[e])
            {
                continue;
            }

            priority[entrySource[e]] += suspiciousness[e];
            priority[n + targets[e]] += suspiciousness[e];
            f += suspiciousness[e];
            edges++;
        }

        if (edges == 0)
        {
            return (null, 0);
        }

        var heap = new IndexedMinHeap(2 * n);
        for (var u = 0; u < n; u++)
        {
            if (HasAlive(offsets[u], offsets[u + 1], alive, null))
            {
                heap.Insert(u, priority[u]);
            }

            if (HasAlive(inOffsets[u], inOffsets[u + 1], alive, inEntries))
            {
                heap.Insert(n + u, priority[n + u]);
            }
        }

        var size = heap.Count;
        var startDensity = f / size;
        var best = startDensity;
        var bestRemoved = 0;
        var removal = new int[size];
        var removed = 0;
        while (heap.Count > 0)
        {
            if ((removed & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var x = heap.PopMin();
            removal[removed++] = x;
            if (x < n)
            {
                for (var e = offsets[x]; e < offsets[x + 1]; e++)
                {
                    var other = n + targets[e];
                    if (alive[e] && heap.Contains(other))
                    {
                        f -= suspiciousness[e];
                        heap.DecreaseKey(other, Math.Max(0, heap.KeyOf(other) - suspiciousness[e]));
                    }
                }
            }
            else
            {
                var v = x - n;
                for (var k = inOffsets[v]; k < inOffsets[v + 1]; k++)
                {
                    var e = inEntries[k];
                    var other = entrySource[e];
                    if (alive[e] && heap.Contains(other))
                    {
                        f -= suspiciousness[e];
                        heap.DecreaseKey(other, Math.Max(0, heap.KeyOf(other) - suspiciousness[e]));
                    }
                }
            }

            var remaining = size - removed;
            if (remaining > 0 && f / remaining > best)
            {
                best = f / remaining;
                bestRemoved = removed;
            }
        }

        return (CollectBlock(n, offsets, targets, suspiciousness, alive, removal, bestRemoved, size, null), startDensity);
    }

    /// <summary>
    /// The block left after the first <paramref name="removedBefore"/> removals: its sources, targets, edges and f(S);
    /// its density is f(S) / |S| unless the peel measured another one (<paramref name="density"/>).
    /// </summary>
    private static FraudarBlock CollectBlock(
        int n, int[] offsets, int[] targets, double[] suspiciousness, bool[] alive, int[] removal, int removedBefore, int size, double? density)
    {
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
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                if (alive[e] && inBlock[n + targets[e]])
                {
                    blockF += suspiciousness[e];
                    blockEdges++;
                }
            }
        }

        var members = sources.Count + sinks.Count;
        return new FraudarBlock([.. sources], [.. sinks], blockEdges, blockF, density ?? (members == 0 ? 0 : blockF / members));
    }

    /// <summary>g of the whole graph: total suspiciousness over the side-nodes that have an edge.</summary>
    private static double StartDensity(int n, int[] targets, int[] entrySource, double[] suspiciousness, bool[] alive)
    {
        var present = new bool[2 * n];
        double f = 0;
        var size = 0;
        for (var e = 0; e < alive.Length; e++)
        {
            if (!alive[e])
            {
                continue;
            }

            f += suspiciousness[e];
            size += Mark(present, entrySource[e]) + Mark(present, n + targets[e]);
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
    private static void PruneToCore(
        int n, int[] offsets, int[] targets, int[] entrySource, int[] inOffsets, int[] inEntries, double[] suspiciousness, bool[] alive, double threshold)
    {
        var weight = new double[2 * n];
        for (var e = 0; e < alive.Length; e++)
        {
            if (alive[e])
            {
                weight[entrySource[e]] += suspiciousness[e];
                weight[n + targets[e]] += suspiciousness[e];
            }
        }

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
            var (from, to, indirect) = x < n ? (offsets[x], offsets[x + 1], false) : (inOffsets[x - n], inOffsets[x - n + 1], true);
            for (var k = from; k < to; k++)
            {
                var e = indirect ? inEntries[k] : k;
                if (!alive[e])
                {
                    continue;
                }

                alive[e] = false;
                var other = x < n ? n + targets[e] : entrySource[e];
                weight[other] -= suspiciousness[e];
                if (!removed[other] && weight[other] < threshold)
                {
                    removed[other] = true;
                    stack.Push(other);
                }
            }
        }
    }

    private static bool HasAlive(int from, int to, bool[] alive, int[]? indirection)
    {
        for (var k = from; k < to; k++)
        {
            if (alive[indirection is null ? k : indirection[k]])
            {
                return true;
            }
        }

        return false;
    }

    private static void RemoveBlockEdges(FraudarBlock block, int n, int[] offsets, int[] targets, bool[] alive)
    {
        var isTarget = new bool[n];
        foreach (var v in block.Targets)
        {
            isTarget[v] = true;
        }

        foreach (var u in block.Sources)
        {
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                if (isTarget[targets[e]])
                {
                    alive[e] = false;
                }
            }
        }
    }
}
