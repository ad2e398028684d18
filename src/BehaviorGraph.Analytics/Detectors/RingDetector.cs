using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Algorithms.Fraudar;
using BehaviorGraph.Analytics.Algorithms.Louvain;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Spam rings from structure and timing, never from shared identifiers alone: Louvain communities of the mutual
/// interaction graph (and FRAUDAR dense blocks not already covered) are trimmed to their core, measured, and kept
/// when their weighted score (see <see cref="RingOptions"/>) reaches the threshold.
/// </summary>
internal sealed class RingDetector
{
    private readonly PlatformData _data;
    private readonly PlatformGraphs _graphs;
    private readonly AccountIdentifiers _identifiers;
    private readonly RingOptions _options;
    private readonly int[] _stamp;
    private readonly long[] _reportsIn;
    private readonly double _baselineOutreach;
    private readonly double _baselineReports;
    private readonly long _platformSpread;
    private int _currentStamp;

    private RingDetector(PlatformData data, PlatformGraphs graphs, AccountIdentifiers identifiers, RingOptions options)
    {
        _data = data;
        _graphs = graphs;
        _identifiers = identifiers;
        _options = options;
        var n = data.AccountCount;
        _stamp = new int[n];
        _reportsIn = new long[n];
        var edges = data.AccountEdges;
        for (var i = 0; i < edges.Length; i++)
        {
            if (edges.Type[i] == EventTypeCodes.Report && edges.Source[i] != edges.Target[i])
            {
                _reportsIn[edges.Target[i]] += edges.Count[i];
            }
        }

        long unanswered = 0;
        for (var u = 0; u < n; u++)
        {
            foreach (var v in graphs.Contact.Neighbors(u))
            {
                if (!graphs.Interaction.HasEdge(v, u))
                {
                    unanswered++;
                }
            }
        }

        _baselineOutreach = n == 0 ? 0 : (double)unanswered / n;
        _baselineReports = n == 0 ? 0 : (double)_reportsIn.Sum() / n;
        _platformSpread = DetectorMath.Spread1090(data.AccountFirstSeenMs);
    }

    public static RingDetection Detect(
        PlatformData data, PlatformGraphs graphs, AccountIdentifiers identifiers, RingOptions options, CancellationToken cancellationToken)
    {
        var detector = new RingDetector(data, graphs, identifiers, options);
        return detector.Run(cancellationToken);
    }

    private RingDetection Run(CancellationToken cancellationToken)
    {
        var n = _data.AccountCount;
        var mutual = _graphs.Mutual;
        var louvain = Louvain.Run(mutual, new LouvainParameters { Resolution = _options.Resolution, Seed = _options.Seed, Weighted = false }, null, cancellationToken);
        var community = louvain.Communities;
        var sizes = new int[louvain.CommunityCount];
        var internalEnds = new long[louvain.CommunityCount];
        for (var u = 0; u < n; u++)
        {
            sizes[community[u]]++;
            foreach (var v in mutual.Neighbors(u))
            {
                if (community[v] == community[u])
                {
                    internalEnds[community[u]]++;
                }
            }
        }

        var communitySize = new int[n];
        var communityDensity = new float[n];
        var groups = new List<int>[louvain.CommunityCount];
        for (var u = 0; u < n; u++)
        {
            var c = community[u];
            var s = sizes[c];
            communitySize[u] = s;
            communityDensity[u] = s < 2 ? 0f : (float)(internalEnds[c] / ((double)s * (s - 1)));
            if (s >= _options.MinMembers)
            {
                (groups[c] ??= []).Add(u);
            }
        }

        var candidates = new List<ClusterCandidate>();
        var covered = new List<int[]>();
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (group is null)
            {
                continue;
            }

            foreach (var core in Cores(group, 0, cancellationToken))
            {
                covered.Add(core);
                if (Evaluate(core, "Louvain community") is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }
        }

        var blockDensity = new float[n];
        var blocks = 0;
        if (_options.DenseBlocks > 0 && _graphs.Interaction.EntryCount > 0)
        {
            var fraudar = Fraudar.Run(
                _graphs.Interaction,
                new FraudarParameters { MaxBlocks = _options.DenseBlocks, MinSources = _options.DenseBlockMinSources },
                null,
                cancellationToken);
            blocks = fraudar.Blocks.Count;
            foreach (var block in fraudar.Blocks)
            {
                foreach (var u in block.Sources.Concat(block.Targets))
                {
                    blockDensity[u] = Math.Max(blockDensity[u], (float)block.Density);
                }

                var both = block.Sources.Intersect(block.Targets).Order().ToList();
                foreach (var core in Cores(both, 0, cancellationToken))
                {
                    if (!covered.Any(c => Overlap(c, core) >= 0.5) && Evaluate(core, "FRAUDAR dense block") is { } candidate)
                    {
                        covered.Add(core);
                        candidates.Add(candidate);
                    }
                }
            }
        }

        var (clusters, ordered) = ClusterNaming.Name(ClusterKind.Ring, "ring", candidates, _data.AccountKeys);
        return new RingDetection(clusters, ordered, communitySize, communityDensity, blockDensity, louvain.CommunityCount, louvain.Modularity, blocks);
    }

    /// <summary>
    /// The trimmed cores of a group. Modularity on the whole graph cannot resolve a small dense group that touches a
    /// neighbouring community through a few members (the resolution limit), so each core is split again by Louvain on
    /// its own induced subgraph; the parts replace the core when one of them scores higher than the core itself
    /// (a genuine ring loses reciprocity contrast when cut, a ring glued to a benign community gains).
    /// </summary>
    private IEnumerable<int[]> Cores(List<int> group, int depth, CancellationToken cancellationToken)
    {
        var core = Trim(group);
        if (core.Length < _options.MinMembers)
        {
            yield break;
        }

        if (depth < 3 && Split(core, cancellationToken) is { } parts
            && parts.Select(p => Trim(p)).Where(p => p.Length >= _options.MinMembers).Select(p => Score(Measure(p)).Score).DefaultIfEmpty(0).Max() > Score(Measure(core)).Score)
        {
            foreach (var part in parts)
            {
                foreach (var sub in Cores(part, depth + 1, cancellationToken))
                {
                    yield return sub;
                }
            }

            yield break;
        }

        yield return core;
    }

    private List<List<int>>? Split(int[] core, CancellationToken cancellationToken)
    {
        var local = new Dictionary<int, int>(core.Length);
        for (var i = 0; i < core.Length; i++)
        {
            local[core[i]] = i;
        }

        var buffer = new EdgeBuffer(withTimes: false, withCounts: false, 64);
        for (var i = 0; i < core.Length; i++)
        {
            foreach (var v in _graphs.Mutual.Neighbors(core[i]))
            {
                if (local.TryGetValue(v, out var j) && j > i)
                {
                    buffer.Add(i, j, 1f);
                }
            }
        }

        var sub = CsrBuilder.Build(IdMap.Sequential(core.Length), buffer, Orientation.Undirected, merge: true);
        var louvain = Louvain.Run(sub, new LouvainParameters { Resolution = _options.Resolution, Seed = _options.Seed, Weighted = false }, null, cancellationToken);
        if (louvain.CommunityCount < 2 || louvain.Modularity < _options.SplitModularity
            || louvain.Modularity <= ChanceModularity(buffer, core.Length, cancellationToken) + _options.SplitMargin)
        {
            return null;
        }

        var parts = new List<int>[louvain.CommunityCount];
        for (var i = 0; i < core.Length; i++)
        {
            (parts[louvain.Communities[i]] ??= []).Add(core[i]);
        }

        return [.. parts.Where(p => p is not null)];
    }

    /// <summary>
    /// The modularity Louvain finds in the same group with its edges rewired at random, degrees kept (double-edge
    /// swaps): what splitting a group without any real parts yields. The best of a few rewirings.
    /// </summary>
    private double ChanceModularity(EdgeBuffer edges, int nodes, CancellationToken cancellationToken)
    {
        var random = new SplitMix64(_options.Seed ^ (ulong)edges.Length);
        var best = 0.0;
        for (var trial = 0; trial < _options.SplitNullTrials; trial++)
        {
            var rewired = Rewired(edges, ref random);
            var graph = CsrBuilder.Build(IdMap.Sequential(nodes), rewired, Orientation.Undirected, merge: true);
            var louvain = Louvain.Run(graph, new LouvainParameters { Resolution = _options.Resolution, Seed = _options.Seed, Weighted = false }, null, cancellationToken);
            best = Math.Max(best, louvain.Modularity);
        }

        return best;
    }

    private static EdgeBuffer Rewired(EdgeBuffer edges, ref SplitMix64 random)
    {
        var m = edges.Length;
        var a = new int[m];
        var b = new int[m];
        var present = new HashSet<long>(m);
        for (var i = 0; i < m; i++)
        {
            a[i] = edges.Sources[i];
            b[i] = edges.Targets[i];
            present.Add(Key(a[i], b[i]));
        }

        for (var attempt = 0; attempt < 10 * m && m >= 2; attempt++)
        {
            var i = random.NextInt(m);
            var j = random.NextInt(m);
            if (i == j)
            {
                continue;
            }

            // (a_i, b_i), (a_j, b_j) → (a_i, b_j), (a_j, b_i): degrees kept; skip loops and duplicates.
            var (u, v, x, y) = (a[i], b[i], a[j], b[j]);
            if (u == y || x == v || present.Contains(Key(u, y)) || present.Contains(Key(x, v)))
            {
                continue;
            }

            present.Remove(Key(u, v));
            present.Remove(Key(x, y));
            present.Add(Key(u, y));
            present.Add(Key(x, v));
            b[i] = y;
            b[j] = v;
        }

        var rewired = new EdgeBuffer(withTimes: false, withCounts: false, m);
        for (var i = 0; i < m; i++)
        {
            rewired.Add(a[i], b[i], 1f);
        }

        return rewired;

        static long Key(int p, int q) => ((long)Math.Min(p, q) << 32) | (uint)Math.Max(p, q);
    }

    /// <summary>Drops members with too few mutual partners inside the group, repeatedly, until every member holds.</summary>
    private int[] Trim(List<int> group)
    {
        var members = group;
        for (var round = 0; round < 20 && members.Count > 0; round++)
        {
            var stamp = Mark(members);
            var degrees = new int[members.Count];
            for (var i = 0; i < members.Count; i++)
            {
                foreach (var v in _graphs.Mutual.Neighbors(members[i]))
                {
                    if (_stamp[v] == stamp)
                    {
                        degrees[i]++;
                    }
                }
            }

            var sorted = (int[])degrees.Clone();
            Array.Sort(sorted);
            var median = sorted[sorted.Length / 2];
            var threshold = Math.Max(_options.MinInternalDegree, _options.CoreFraction * median);
            var kept = new List<int>(members.Count);
            for (var i = 0; i < members.Count; i++)
            {
                if (degrees[i] >= threshold)
                {
                    kept.Add(members[i]);
                }
            }

            if (kept.Count == members.Count)
            {
                break;
            }

            members = kept;
        }

        return [.. members];
    }

    private ClusterCandidate? Evaluate(int[] members, string source)
    {
        var m = Measure(members);
        var (score, cohesion, contrast, burst, outreach, reports) = Score(m);
        if (m.MutualDensity < _options.MinMutualDensity || score < _options.MinScore)
        {
            return null;
        }

        var outreachRatio = _baselineOutreach > 0 ? m.OutreachPerMember / _baselineOutreach : 0;
        var evidence = string.Create(CultureInfo.InvariantCulture,
            $"{m.Size} accounts, created within {DetectorMath.Days(m.SignupSpreadMs)}, {m.SharedDevices} shared device(s) and {m.SharedIps} shared IP(s), " +
            $"internal mutual density {m.MutualDensity:0.00} (follow density {m.FollowDensity:0.00}), reciprocity {m.ReciprocityInside:0.00} inside vs {m.ReciprocityOutside:0.00} outside, " +
            $"{m.Strangers:N0} strangers contacted without reply ({m.OutreachPerMember:0.0} per member, {outreachRatio:0.0}x the platform average), " +
            $"{m.ReportsReceived:N0} report(s) received; found as a {source}");
        var figures = new Dictionary<string, double>
        {
            ["size"] = m.Size,
            ["mutualDensity"] = Math.Round(m.MutualDensity, 4),
            ["followDensity"] = Math.Round(m.FollowDensity, 4),
            ["reciprocityInside"] = Math.Round(m.ReciprocityInside, 4),
            ["reciprocityOutside"] = Math.Round(m.ReciprocityOutside, 4),
            ["signupSpreadDays"] = Math.Round(m.SignupSpreadMs / 86_400_000.0, 2),
            ["strangersContacted"] = m.Strangers,
            ["outreachPerMember"] = Math.Round(m.OutreachPerMember, 2),
            ["reportsReceived"] = m.ReportsReceived,
            ["sharedDevices"] = m.SharedDevices,
            ["sharedIps"] = m.SharedIps,
            ["cohesionScore"] = Math.Round(cohesion, 4),
            ["reciprocityScore"] = Math.Round(contrast, 4),
            ["burstScore"] = Math.Round(burst, 4),
            ["outreachScore"] = Math.Round(outreach, 4),
            ["reportsScore"] = Math.Round(reports, 4),
        };
        return new ClusterCandidate(members, score, evidence, figures);
    }

    private (double Score, double Cohesion, double Contrast, double Burst, double Outreach, double Reports) Score(RingMeasure m)
    {
        var cohesion = DetectorMath.Clamp01(m.MutualDensity / _options.FullDensity);
        var contrast = DetectorMath.Clamp01(m.ReciprocityInside - m.ReciprocityOutside);
        var burst = _platformSpread <= 0 ? 0 : DetectorMath.Clamp01(1 - ((double)m.SignupSpreadMs / (_options.BurstSpreadFraction * _platformSpread)));
        var outreach = DetectorMath.Excess(m.OutreachPerMember * m.Size, m.Size, _baselineOutreach, _options.SaturationRatio);
        var reports = DetectorMath.Excess(m.ReportsReceived, m.Size, _baselineReports, _options.SaturationRatio);
        var totalWeight = _options.CohesionWeight + _options.ReciprocityWeight + _options.BurstWeight + _options.OutreachWeight + _options.ReportsWeight;
        var score = ((_options.CohesionWeight * cohesion) + (_options.ReciprocityWeight * contrast) + (_options.BurstWeight * burst)
            + (_options.OutreachWeight * outreach) + (_options.ReportsWeight * reports)) / Math.Max(totalWeight, 1e-9);
        return (score, cohesion, contrast, burst, outreach, reports);
    }


    private RingMeasure Measure(int[] members)
    {
        var stamp = Mark(members);
        var s = members.Length;
        long mutualEnds = 0, follows = 0, inside = 0, insideBack = 0, outside = 0, outsideBack = 0, outreach = 0, reports = 0;
        var strangers = new HashSet<int>();
        var firstSeen = new long[s];
        for (var i = 0; i < s; i++)
        {
            var u = members[i];
            firstSeen[i] = _data.AccountFirstSeenMs[u];
            reports += _reportsIn[u];
            foreach (var v in _graphs.Mutual.Neighbors(u))
            {
                if (_stamp[v] == stamp)
                {
                    mutualEnds++;
                }
            }

            foreach (var v in _graphs.Follow.Neighbors(u))
            {
                if (_stamp[v] == stamp)
                {
                    follows++;
                }
            }

            foreach (var v in _graphs.Interaction.Neighbors(u))
            {
                var back = _graphs.Interaction.HasEdge(v, u);
                if (_stamp[v] == stamp)
                {
                    inside++;
                    insideBack += back ? 1 : 0;
                }
                else
                {
                    outside++;
                    outsideBack += back ? 1 : 0;
                }
            }

            foreach (var v in _graphs.Contact.Neighbors(u))
            {
                if (_stamp[v] != stamp && !_graphs.Interaction.HasEdge(v, u))
                {
                    outreach++;
                    strangers.Add(v);
                }
            }
        }

        var pairs = (double)s * (s - 1);
        var (sharedDevices, sharedIps) = _identifiers.SharedAmong(members);
        return new RingMeasure(
            s,
            pairs == 0 ? 0 : mutualEnds / pairs,
            pairs == 0 ? 0 : follows / pairs,
            inside == 0 ? 0 : (double)insideBack / inside,
            outside == 0 ? 0 : (double)outsideBack / outside,
            DetectorMath.Spread1090(firstSeen),
            strangers.Count,
            (double)outreach / s,
            reports,
            sharedDevices,
            sharedIps);
    }

    private int Mark(IEnumerable<int> members)
    {
        var stamp = ++_currentStamp;
        foreach (var m in members)
        {
            _stamp[m] = stamp;
        }

        return stamp;
    }

    private static double Overlap(int[] a, int[] b)
    {
        var set = new HashSet<int>(a);
        var common = b.Count(set.Contains);
        return (double)common / Math.Min(a.Length, b.Length);
    }
}
