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
        int n,
        int[] offsets,
        int[] targets,
        int[] entrySource,
        int[] inOffsets,
        int[] inEntries,
        double[] suspiciousness,
        bool[] alive,
        FraudarBackground? background,
        double[]? columnMass,
        CancellationToken cancellationToken)
    {
        // The prediction uses the whole graph's degrees and column weights, whatever earlier blocks removed (and, for a
        // region of a larger graph, the larger graph's).
        var m = background is null ? (double)alive.Length : background.EdgeCount;
        var side = new PeelSide[2 * n];
        for (var u = 0; u < n; u++)
        {
            side[u].Mass = background is null ? offsets[u + 1] - offsets[u] : background.OutDegree[u];
        }

        if (columnMass is null)
        {
            for (var e = 0; e < alive.Length; e++)
            {
                side[n + targets[e]].Mass += suspiciousness[e];
            }
        }
        else
        {
            for (var v = 0; v < n; v++)
            {
                side[n + v].Mass = columnMass[v];
            }
        }

        double f = 0;
        for (var e = 0; e < alive.Length; e++)
        {
            if (alive[e])
            {
                side[entrySource[e]].InBlock += suspiciousness[e];
                side[n + targets[e]].InBlock += suspiciousness[e];
                f += suspiciousness[e];
            }
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
        double SourceKey(int x) => side[x].InBlock - (side[x].Mass * keyedTargetMass / m);
        double TargetKey(int x) => side[x].InBlock - (keyedSourceDegrees * side[x].Mass / m);

        var sources = new IndexedMinHeap(n);
        var sinks = new IndexedMinHeap(2 * n);
        sources.Reset(liveSources, SourceKey);
        sinks.Reset(liveTargets, TargetKey);

        var startDensity = (f - (sourceDegrees * targetMass / m)) / size;
        var best = startDensity;
        var bestRemoved = 0;
        var removal = new int[size];
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
                liveSources.RemoveAll(x => !sources.Contains(x));
                sources.Reset(liveSources, SourceKey);
            }

            if (sourceDegrees < (1 - RefreshFraction) * keyedSourceDegrees)
            {
                keyedSourceDegrees = sourceDegrees;
                liveTargets.RemoveAll(x => !sinks.Contains(x));
                sinks.Reset(liveTargets, TargetKey);
            }

            var takeSource = sinks.Count == 0 || (sources.Count > 0 && sources.MinKey <= sinks.MinKey);
            var x = takeSource ? sources.PopMin() : sinks.PopMin();
            removal[removed++] = x;
            if (x < n)
            {
                sourceDegrees -= side[x].Mass;
                for (var e = offsets[x]; e < offsets[x + 1]; e++)
                {
                    var other = n + targets[e];
                    if (alive[e] && sinks.Contains(other))
                    {
                        f -= suspiciousness[e];
                        side[other].InBlock -= suspiciousness[e];
                        sinks.DecreaseKey(other, TargetKey(other));
                    }
                }
            }
            else
            {
                targetMass -= side[x].Mass;
                var v = x - n;
                for (var k = inOffsets[v]; k < inOffsets[v + 1]; k++)
                {
                    var e = inEntries[k];
                    var other = entrySource[e];
                    if (alive[e] && sources.Contains(other))
                    {
                        f -= suspiciousness[e];
                        side[other].InBlock -= suspiciousness[e];
                        sources.DecreaseKey(other, SourceKey(other));
                    }
                }
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

        return (CollectBlock(n, offsets, targets, suspiciousness, alive, removal, bestRemoved, size, best), startDensity);
    }

}
