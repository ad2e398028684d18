using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Louvain;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors.Rings;

/// <summary>
/// One run of the ring search, from structure and timing, never from shared identifiers alone: Louvain communities of
/// the mutual interaction graph are trimmed to their core, measured, and kept when their weighted score (see
/// <see cref="RingParameters"/>) reaches the threshold; the other cores stay available, with their evidence, for what
/// the platform's labels and scores say about them. Holds the platform-wide baselines the groups are measured against.
/// </summary>
internal sealed class RingSearch
{
    private readonly PlatformData _data;
    private readonly PlatformGraphs _graphs;
    private readonly AccountIdentifiers _identifiers;
    private readonly RingParameters _parameters;
    private readonly int[] _stamp;
    private readonly long[] _reportsIn;
    private readonly double _baselineOutreach;
    private readonly double _baselineReports;
    private readonly long _platformSpread;
    private int _currentStamp;

    private RingSearch(PlatformData data, PlatformGraphs graphs, AccountIdentifiers identifiers, RingParameters parameters)
    {
        _data = data;
        _graphs = graphs;
        _identifiers = identifiers;
        _parameters = parameters;
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

    public static RingDetection Find(
        PlatformData data, PlatformGraphs graphs, AccountIdentifiers identifiers, RingParameters parameters, CancellationToken cancellationToken)
        => new RingSearch(data, graphs, identifiers, parameters).Run(null, null, cancellationToken);

    /// <summary>
    /// The search continuing <paramref name="previous"/>: Louvain warm-started from its partition, free to move only
    /// the <paramref name="affected"/> accounts (which, with accounts new since then, start alone) and their mutual
    /// partners in its first pass; a community whose members are all unaffected and were exactly one previous
    /// community keeps that community's cores and measurements (scored again against today's platform baselines), every
    /// other community is trimmed, split and measured as in a full run.
    /// </summary>
    public static RingDetection Continue(
        PlatformData data, PlatformGraphs graphs, AccountIdentifiers identifiers, RingParameters parameters, RingState previous, bool[] affected,
        CancellationToken cancellationToken)
        => new RingSearch(data, graphs, identifiers, parameters).Run(previous, affected, cancellationToken);

    private RingDetection Run(RingState? previous, bool[]? affected, CancellationToken cancellationToken)
    {
        var n = _data.AccountCount;
        var mutual = _graphs.Mutual;
        var louvainParameters = new LouvainParameters { Resolution = _parameters.Resolution, Seed = _parameters.Seed, Weighted = false };
        var warmStart = previous is null || affected is null ? null : WarmStart(previous, affected);
        var louvain = warmStart is null
            ? Louvain.Run(mutual, louvainParameters, null, cancellationToken)
            : Louvain.Run(mutual, louvainParameters, warmStart, null, cancellationToken);
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
            if (s >= _parameters.MinMembers)
            {
                (groups[c] ??= []).Add(u);
            }
        }

        var (carriedFrom, untouched) = previous is null || affected is null ? (null, null) : CarriedFrom(previous, affected, community, sizes, internalEnds);
        var candidates = new List<ClusterCandidate>();
        var unreported = new List<ClusterCandidate>();
        var coresByCommunity = new Dictionary<int, RingCore[]>();
        int remeasured = 0, coresKept = 0, carried = 0;
        for (var c = 0; c < groups.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = groups[c];
            if (group is null)
            {
                continue;
            }

            RingCore[] cores;
            if (carriedFrom is not null && carriedFrom[c] >= 0 && previous!.Cores.TryGetValue(carriedFrom[c], out var kept))
            {
                if (untouched![c])
                {
                    cores = kept;
                    carried++;
                }
                else
                {
                    cores = [.. kept.Select(core => new RingCore(core.Members, Measure(core.Members)))];
                    coresKept++;
                }
            }
            else
            {
                cores = [.. Cores(group, 0, cancellationToken).Select(core => new RingCore(core, Measure(core)))];
                remeasured++;
            }

            coresByCommunity.Add(c, cores);
            foreach (var core in cores)
            {
                var (candidate, isRing) = Evaluate(core.Members, core.Measure, "Louvain community");
                (isRing ? candidates : unreported).Add(candidate);
            }
        }

        var (clusters, ordered) = ClusterNaming.Name(ClusterKind.Ring, "ring", candidates, _data.AccountKeys);
        var state = new RingState(_data.Events.Count, community, louvain.CommunityCount, internalEnds, coresByCommunity);
        var counts = warmStart is null ? null : new RingIncrementalCounts(affected!.Count(a => a), warmStart.MovableCount, remeasured, coresKept, carried);
        return new RingDetection(clusters, ordered, unreported, communitySize, communityDensity, louvain.CommunityCount, louvain.Modularity, state, counts);
    }

    /// <summary>
    /// The previous partition with affected and new accounts alone; movable: those and their mutual partners.
    /// </summary>
    private LouvainWarmStart WarmStart(RingState previous, bool[] affected)
    {
        var n = _data.AccountCount;
        var initial = new int[n];
        var movable = new bool[n];
        for (var u = 0; u < n; u++)
        {
            if (u < previous.AccountCount && !affected[u])
            {
                initial[u] = previous.Communities[u];
                continue;
            }

            initial[u] = previous.CommunityCount + u;
            movable[u] = true;
            foreach (var v in _graphs.Mutual.Neighbors(u))
            {
                movable[v] = true;
            }
        }

        return new LouvainWarmStart(initial, movable);
    }

    /// <summary>
    /// Per community: the previous community with exactly its members and mutual subgraph (no new account, the same
    /// mutual edge ends inside), or -1; and whether none of its members is affected (then its measurements hold too).
    /// Trimming and splitting read only the mutual subgraph (and the split the parts' scores), so such a community's
    /// previous cores are kept; they are measured again when a member is affected.
    /// </summary>
    private static (int[] From, bool[] Untouched) CarriedFrom(RingState previous, bool[] affected, int[] community, int[] sizes, long[] internalEnds)
    {
        var previousSizes = new int[previous.CommunityCount];
        foreach (var p in previous.Communities)
        {
            previousSizes[p]++;
        }

        const int Unset = -1, Changed = -2;
        var from = new int[sizes.Length];
        var untouched = new bool[sizes.Length];
        Array.Fill(from, Unset);
        Array.Fill(untouched, true);
        for (var u = 0; u < community.Length; u++)
        {
            var c = community[u];
            if (from[c] == Changed)
            {
                continue;
            }

            if (u >= previous.AccountCount)
            {
                from[c] = Changed;
                continue;
            }

            untouched[c] &= !affected[u];
            if (from[c] == Unset)
            {
                from[c] = previous.Communities[u];
            }
            else if (from[c] != previous.Communities[u])
            {
                from[c] = Changed;
            }
        }

        for (var c = 0; c < from.Length; c++)
        {
            if (from[c] < 0 || previousSizes[from[c]] != sizes[c] || previous.InternalEnds[from[c]] != internalEnds[c])
            {
                from[c] = -1;
            }
        }

        return (from, untouched);
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
        if (core.Length < _parameters.MinMembers)
        {
            yield break;
        }

        if (depth < _parameters.MaxSplitDepth && Split(core, cancellationToken) is { } parts
            && parts.Select(p => Trim(p)).Where(p => p.Length >= _parameters.MinMembers).Select(p => Score(Measure(p)).Score).DefaultIfEmpty(0).Max() > Score(Measure(core)).Score)
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

        var split = GroupSplit.Split(
            buffer, core.Length, new GroupSplitParameters(_parameters.Resolution, _parameters.Seed, _parameters.SplitModularity, _parameters.SplitMargin, _parameters.SplitNullTrials), cancellationToken);
        if (split is null)
        {
            return null;
        }

        var parts = new Dictionary<int, List<int>>();
        for (var i = 0; i < core.Length; i++)
        {
            if (!parts.TryGetValue(split[i], out var part))
            {
                parts.Add(split[i], part = []);
            }

            part.Add(core[i]);
        }

        return [.. parts.Values];
    }

    /// <summary>Drops members with too few mutual partners inside the group, repeatedly, until every member holds.</summary>
    private int[] Trim(List<int> group)
    {
        var members = group;
        for (var round = 0; round < _parameters.MaxTrimRounds && members.Count > 0; round++)
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
            var threshold = Math.Max(_parameters.MinInternalDegree, _parameters.CoreFraction * median);
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

    /// <summary>A core's evidence, and whether it scores as a ring.</summary>
    private (ClusterCandidate Candidate, bool IsRing) Evaluate(int[] members, RingMeasure m, string source)
    {
        var (score, cohesion, contrast, burst, outreach, reports) = Score(m);
        var isRing = m.MutualDensity >= _parameters.MinMutualDensity && score >= _parameters.MinScore;

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
        return (new ClusterCandidate(members, score, evidence, figures), isRing);
    }

    private (double Score, double Cohesion, double Contrast, double Burst, double Outreach, double Reports) Score(RingMeasure m)
    {
        var cohesion = DetectorMath.Clamp01(m.MutualDensity / _parameters.FullDensity);
        var contrast = DetectorMath.Clamp01(m.ReciprocityInside - m.ReciprocityOutside);
        var burst = _platformSpread <= 0 ? 0 : DetectorMath.Clamp01(1 - ((double)m.SignupSpreadMs / (_parameters.BurstSpreadFraction * _platformSpread)));
        var outreach = DetectorMath.Excess(m.OutreachPerMember * m.Size, m.Size, _baselineOutreach, _parameters.SaturationRatio);
        var reports = DetectorMath.Excess(m.ReportsReceived, m.Size, _baselineReports, _parameters.SaturationRatio);
        var totalWeight = _parameters.CohesionWeight + _parameters.ReciprocityWeight + _parameters.BurstWeight + _parameters.OutreachWeight + _parameters.ReportsWeight;
        var score = ((_parameters.CohesionWeight * cohesion) + (_parameters.ReciprocityWeight * contrast) + (_parameters.BurstWeight * burst)
            + (_parameters.OutreachWeight * outreach) + (_parameters.ReportsWeight * reports)) / Math.Max(totalWeight, 1e-9);
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
}
