using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.Louvain;

/// <summary>
/// Multi-level Louvain (Blondel et al. 2008) maximising modularity with resolution γ. Each level moves nodes, in a
/// seeded random order (later passes revisit only neighbours of moved nodes), to the neighbouring community with
/// the best gain w(i,C) − γ·tot(C)·k(i)/2m until a pass
/// gains less than the tolerance, then collapses communities into nodes. O(E) per pass; the first level dominates.
/// Sequential, hence deterministic for a seed. A warm start (<see cref="LouvainWarmStart"/>) begins the first level
/// from a given partition and visits only its movable nodes in the first pass.
/// </summary>
public static class Louvain
{
    public static LouvainResult Run(CsrGraph graph, LouvainParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Run(graph, parameters, null, progress, cancellationToken);

    /// <summary>
    /// Louvain from <paramref name="warmStart"/>'s partition (null: from singletons, as a cold run). With nothing movable
    /// the first level keeps the initial partition; aggregation and the higher levels then run as in a cold run, so a
    /// partition Louvain itself returned on the same graph comes back unchanged.
    /// </summary>
    public static LouvainResult Run(CsrGraph graph, LouvainParameters parameters, LouvainWarmStart? warmStart, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MaxLevels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MaxPassesPerLevel, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters.Resolution);
        var g = GraphRequirements.Undirected(graph);
        var n = g.NodeCount;
        var weights = new double[g.EntryCount];
        ParallelRanges.For(weights.Length, 1 << 16, (s, e) =>
        {
            for (var k = s; k < e; k++)
            {
                weights[k] = parameters.Weighted ? g.WeightArray[k] : 1.0;
            }
        }, cancellationToken);

        if (warmStart is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(warmStart.InitialCommunities.Length, n);
            ArgumentOutOfRangeException.ThrowIfNotEqual(warmStart.Movable.Length, n);
            if (warmStart.InitialCommunities.Any(c => c < 0))
            {
                throw new ArgumentException("Initial community labels must be non-negative.", nameof(warmStart));
            }
        }

        var level = new LevelGraph(g.OffsetArray, g.TargetArray, weights);
        var membership = new int[n];
        for (var u = 0; u < n; u++)
        {
            membership[u] = u;
        }

        var levels = new List<LouvainLevel>();
        var random = new SplitMix64(parameters.Seed);
        for (var l = 0; l < parameters.MaxLevels; l++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var warm = l == 0 ? warmStart : null;
            var (community, passes, moves) = MoveNodes(level, parameters, random.NextUInt64(), warm, cancellationToken);
            if (moves == 0 && warm is null)
            {
                break;
            }

            var count = CommunityLabels.Compact(community, level.NodeCount);
            var modularity = Modularity.Compute(level.Offsets, level.Targets, null, level.Weights, community, parameters.Resolution);
            levels.Add(new LouvainLevel(l, level.NodeCount, count, modularity, passes, moves));
            for (var u = 0; u < n; u++)
            {
                membership[u] = community[membership[u]];
            }

            progress?.Report((double)(l + 1) / parameters.MaxLevels);
            if (count == level.NodeCount)
            {
                break;
            }

            level = Aggregate(level, community, count);
        }

        var communityCount = CommunityLabels.Compact(membership, n);
        var final = Modularity.Compute(g.OffsetArray, g.TargetArray, null, weights, membership, parameters.Resolution);
        progress?.Report(1.0);
        return new LouvainResult(membership, communityCount, final, levels);
    }

    private static (int[] Community, int Passes, long Moves) MoveNodes(
        LevelGraph graph, LouvainParameters parameters, ulong seed, LouvainWarmStart? warmStart, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.Weights;
        var resolution = parameters.Resolution;
        var degree = new double[n];
        var total = new double[n];
        var community = new int[n];
        double m2 = 0;
        for (var u = 0; u < n; u++)
        {
            double k = 0;
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                k += weights[e];
            }

            degree[u] = k;
            total[u] = k;
            community[u] = u;
            m2 += k;
        }

        if (warmStart is not null)
        {
            Array.Copy(warmStart.InitialCommunities, community, n);
            CommunityLabels.Compact(community);
            Array.Clear(total);
            for (var u = 0; u < n; u++)
            {
                total[community[u]] += degree[u];
            }
        }

        if (m2 == 0)
        {
            return (community, 0, 0);
        }

        // Pass 1 visits every node in seeded random order; each later pass revisits only the neighbours of nodes
        // that moved (outside their new community), in the order they were queued: later passes cost a fraction
        // of a full scan (the "fast local move" of Ozaki et al. / Leiden).
        var current = SplitMix64.Permutation(n, seed);
        var currentCount = n;
        if (warmStart is not null)
        {
            currentCount = 0;
            for (var q = 0; q < n; q++)
            {
                if (warmStart.Movable[current[q]])
                {
                    current[currentCount++] = current[q];
                }
            }
        }

        var queued = new int[n];
        var next = new int[n];
        var slots = new Slot[n];
        var touched = new int[16];
        var stamp = 0;
        var passes = 0;
        long moves = 0;
        while (passes < parameters.MaxPassesPerLevel && currentCount > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            passes++;
            var nextCount = 0;
            long passMoves = 0;
            double gain = 0;
            for (var q = 0; q < currentCount; q++)
            {
                var u = current[q];
                var from = offsets[u];
                var to = offsets[u + 1];
                var own = community[u];
                stamp++;
                var touchedCount = 0;
                slots[own] = new Slot(0, stamp);
                touched[touchedCount++] = own;
                for (var e = from; e < to; e++)
                {
                    var v = targets[e];
                    if (v == u)
                    {
                        continue;
                    }

                    var c = community[v];
                    ref var slot = ref slots[c];
                    if (slot.Stamp != stamp)
                    {
                        slot = new Slot(0, stamp);
                        if (touchedCount == touched.Length)
                        {
                            Array.Resize(ref touched, touched.Length * 2);
                        }

                        touched[touchedCount++] = c;
                    }

                    slot.Weight += weights[e];
                }

                var ku = degree[u];
                var scale = resolution * ku / m2;
                total[own] -= ku;
                var stay = slots[own].Weight - (total[own] * scale);
                var best = own;
                var bestGain = stay;
                for (var t = 1; t < touchedCount; t++)
                {
                    var c = touched[t];
                    var candidate = slots[c].Weight - (total[c] * scale);
                    if (candidate > bestGain || (candidate == bestGain && best != own && c < best))
                    {
                        best = c;
                        bestGain = candidate;
                    }
                }

                total[best] += ku;
                if (best == own)
                {
                    continue;
                }

                community[u] = best;
                passMoves++;
                gain += 2 * (bestGain - stay) / m2;
                for (var e = from; e < to; e++)
                {
                    var v = targets[e];
                    if (queued[v] != passes && community[v] != best)
                    {
                        queued[v] = passes;
                        next[nextCount++] = v;
                    }
                }
            }

            moves += passMoves;
            if (passMoves == 0 || gain < parameters.Tolerance)
            {
                break;
            }

            (current, next) = (next, current);
            currentCount = nextCount;
        }

        return (community, passes, moves);
    }

    private static LevelGraph Aggregate(LevelGraph graph, int[] community, int count)
    {
        var n = graph.NodeCount;
        var memberOffsets = new int[count + 1];
        for (var u = 0; u < n; u++)
        {
            memberOffsets[community[u] + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            memberOffsets[c + 1] += memberOffsets[c];
        }

        var members = new int[n];
        var cursor = (int[])memberOffsets.Clone();
        for (var u = 0; u < n; u++)
        {
            members[cursor[community[u]]++] = u;
        }

        var offsets = new int[count + 1];
        var targets = new int[graph.Targets.Length];
        var weights = new double[graph.Targets.Length];
        var accumulated = new double[count];
        var seen = new int[count];
        Array.Fill(seen, -1);
        var at = 0;
        for (var c = 0; c < count; c++)
        {
            var rowStart = at;
            for (var m = memberOffsets[c]; m < memberOffsets[c + 1]; m++)
            {
                var u = members[m];
                for (var e = graph.Offsets[u]; e < graph.Offsets[u + 1]; e++)
                {
                    var d = community[graph.Targets[e]];
                    if (seen[d] != c)
                    {
                        seen[d] = c;
                        accumulated[d] = 0;
                        targets[at++] = d;
                    }

                    accumulated[d] += graph.Weights[e];
                }
            }

            for (var k = rowStart; k < at; k++)
            {
                weights[k] = accumulated[targets[k]];
            }

            offsets[c + 1] = at;
        }

        Array.Resize(ref targets, at);
        Array.Resize(ref weights, at);
        return new LevelGraph(offsets, targets, weights);
    }

    private struct Slot(double weight, int stamp)
    {
        public double Weight = weight;
        public int Stamp = stamp;
    }
}
