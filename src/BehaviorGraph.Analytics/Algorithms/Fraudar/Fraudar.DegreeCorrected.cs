using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

public static partial class Fraudar
{
    private const double RefreshFraction = 0.25;

    /// <summary>
    /// Greedy peeling for the degree-corrected density (see <see cref="FraudarParameters.DegreeCorrected"/>). A side-node's
    /// priority is its suspiciousness into the other side minus what its degree predicts there, so removing a source
    /// lowers the prediction for every target at once and the other way round. Sources and targets therefore wait in
    /// two heaps, each keyed with the other side's total as of its last refresh; a heap is re-keyed (heapified, O(n))
    /// when that total has fallen by more than <see cref="RefreshFraction"/>. The removal order is exact up to that
    /// tolerance; the density of every prefix is tracked exactly.
    /// </summary>
    private static (FraudarBlock? Block, double StartDensity) PeelDegreeCorrected(
        PeelGraph peel, FraudarBackground? background, double[]? columnMass, CancellationToken cancellationToken)
    {
        var n = peel.NodeCount;
        var (offsets, outWeight, outAlive) = (peel.Offsets, peel.OutWeight, peel.OutAlive);
        var (inOffsets, inWeight, inAlive) = (peel.InOffsets, peel.InWeight, peel.InAlive);

        // The prediction uses the whole graph's degrees and column weights, whatever earlier blocks removed (and, for a
        // region of a larger graph, the larger graph's).
        var m = background is null ? (double)peel.EdgeCount : background.EdgeCount;
        var side = new PeelSide[2 * n];
        for (var u = 0; u < n; u++)
        {
            side[u].Mass = background is null ? offsets[u + 1] - offsets[u] : background.OutDegree[u];
        }

        // Sums run along each target's in-list, which holds its edges in the order of the out-lists, so every side's
        // totals are the same numbers a sweep over the edges gives, without scattering over the side array.
        for (var v = 0; v < n; v++)
        {
            double mass = 0, inBlock = 0;
            for (var k = inOffsets[v]; k < inOffsets[v + 1]; k++)
            {
                mass += inWeight[k];
                inBlock += inAlive[k] ? inWeight[k] : 0;
            }

            side[n + v].Mass = columnMass is null ? mass : columnMass[v];
            side[n + v].InBlock = inBlock;
        }

        double f = 0;
        for (var u = 0; u < n; u++)
        {
            double inBlock = 0;
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                if (outAlive[e])
                {
                    inBlock += outWeight[e];
                    f += outWeight[e];
                }
            }

            side[u].InBlock = inBlock;
        }

        if (f == 0)
        {
            return (null, 0);
        }

        var liveSources = new List<int>();
        var liveTargets = new List<int>();
        double sourceDegrees = 0, targetMass = 0;
        for (var u = 0; u < n; u++)
        {
            if (side[u].InBlock > 0)
            {
                liveSources.Add(u);
                sourceDegrees += side[u].Mass;
            }

            if (side[n + u].InBlock > 0)
            {
                liveTargets.Add(n + u);
                targetMass += side[n + u].Mass;
            }
        }

        var size = liveSources.Count + liveTargets.Count;
        var keyedSourceDegrees = sourceDegrees;
        var keyedTargetMass = targetMass;
        var sources = new IndexedMinHeap(n);
        var sinks = new IndexedMinHeap(2 * n);
        sources.Reset(liveSources, SourceKeys(side, keyedTargetMass, m));
        sinks.Reset(liveTargets, TargetKeys(side, keyedSourceDegrees, m));

        var startDensity = (f - (sourceDegrees * targetMass / m)) / size;
        var best = startDensity;
        var bestRemoved = 0;
        var removal = new int[size];
        var popped = new bool[2 * n];
        var (neighbours, lowered, slots) = NeighbourBuffers(peel);
        var removed = 0;
        while (sources.Count + sinks.Count > 0)
        {
            if ((removed & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (targetMass < (1 - RefreshFraction) * keyedTargetMass)
            {
                keyedTargetMass = targetMass;
                liveSources.RemoveAll(x => popped[x]);
                sources.Reset(liveSources, SourceKeys(side, keyedTargetMass, m));
            }

            if (sourceDegrees < (1 - RefreshFraction) * keyedSourceDegrees)
            {
                keyedSourceDegrees = sourceDegrees;
                liveTargets.RemoveAll(x => popped[x]);
                sinks.Reset(liveTargets, TargetKeys(side, keyedSourceDegrees, m));
            }

            var takeSource = sinks.Count == 0 || (sources.Count > 0 && sources.MinKey <= sinks.MinKey);
            var x = takeSource ? sources.PopMin() : sinks.PopMin();
            popped[x] = true;
            removal[removed++] = x;
            if (x < n)
            {
                sourceDegrees -= side[x].Mass;
                var count = Neighbours(peel, x, popped, neighbours, lowered, ref f);

                for (var i = 0; i < count; i++)
                {
                    ref var target = ref side[neighbours[i]];
                    target.InBlock -= lowered[i];
                    lowered[i] = target.InBlock - (keyedSourceDegrees * target.Mass / m);
                }

                sinks.DecreaseKeys(neighbours.AsSpan(0, count), lowered.AsSpan(0, count), slots);
            }
            else
            {
                targetMass -= side[x].Mass;
                var count = Neighbours(peel, x, popped, neighbours, lowered, ref f);

                for (var i = 0; i < count; i++)
                {
                    ref var source = ref side[neighbours[i]];
                    source.InBlock -= lowered[i];
                    lowered[i] = source.InBlock - (source.Mass * keyedTargetMass / m);
                }

                sources.DecreaseKeys(neighbours.AsSpan(0, count), lowered.AsSpan(0, count), slots);
            }

            var remaining = size - removed;
            if (remaining > 0)
            {
                var g = (f - (sourceDegrees * targetMass / m)) / remaining;
                if (g > best)
                {
                    best = g;
                    bestRemoved = removed;
                }
            }
        }

        return (CollectBlock(peel, removal, bestRemoved, size, best), startDensity);
    }

    /// <summary>A source's key: its suspiciousness inside minus what its out-degree predicts into the targets' mass.</summary>
    private static Func<int, double> SourceKeys(PeelSide[] side, double targetMass, double edges) =>
        x => side[x].InBlock - (side[x].Mass * targetMass / edges);

    /// <summary>A target's key: its suspiciousness inside minus what its column mass predicts from the sources' degrees.</summary>
    private static Func<int, double> TargetKeys(PeelSide[] side, double sourceDegrees, double edges) =>
        x => side[x].InBlock - (sourceDegrees * side[x].Mass / edges);
}
