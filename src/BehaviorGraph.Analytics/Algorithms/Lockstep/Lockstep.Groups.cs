namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

public static partial class Lockstep
{
    /// <summary>Pseudo-pairs at the platform's rate that temper a target's rate measured on few other engagers.</summary>
    private const double PriorPairs = 3;

    /// <summary>
    /// Groups from significant pairs, in two passes. First the connected components of the pairs (peeled to the minimum
    /// degree). Then each component is tested again against its own targets' other engagers: a friend group liking
    /// each other's posts within minutes co-acts, but so does everyone else who follows those posts — co-action the
    /// targets' own audience shows is no lockstep. Pairs still significant (at the first pass's cutoff) with those
    /// rates are peeled and split again; what remains are the groups.
    /// </summary>
    private static (IReadOnlyList<LockstepGroup> Groups, long Kept) BuildGroups(
        LockstepInput input,
        TargetTimelines timelines,
        ChanceRates chance,
        List<PairEvidence> significant,
        double cutoff,
        long[] payload,
        LockstepParameters parameters,
        CancellationToken cancellationToken)
    {
        var all = Enumerable.Range(0, significant.Count).ToList();
        var member = new bool[input.ActorIds.Length];
        var groups = new List<LockstepGroup>();
        long kept = 0;
        foreach (var component in Components(significant, all, parameters.MinPairDegree))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var survivors = Recheck(component, significant, timelines, chance, cutoff, member, parameters.WindowsMs);
            foreach (var group in Components(significant, survivors, parameters.MinPairDegree))
            {
                var described = Describe(input, timelines, significant, group, payload, parameters.WindowsMs);
                if (described.MemberCount >= parameters.MinGroupSize)
                {
                    kept += group.Count;
                    groups.Add(described);
                }
            }
        }

        groups.Sort((x, y) => x.MemberCount != y.MemberCount ? y.MemberCount.CompareTo(x.MemberCount) : x.Members[0].CompareTo(y.Members[0]));
        return (groups, kept);
    }

    /// <summary>The pairs of a component still significant when each target's chance rate comes from its engagers outside the component.</summary>
    private static List<int> Recheck(
        List<int> component, List<PairEvidence> significant, TargetTimelines timelines, ChanceRates chance, double cutoff, bool[] member, IReadOnlyList<long> windows)
    {
        var members = new HashSet<int>();
        foreach (var p in component)
        {
            members.Add(significant[p].A);
            members.Add(significant[p].B);
        }

        var engagedBy = new Dictionary<int, int>();
        foreach (var m in members)
        {
            member[m] = true;
            foreach (var t in timelines.TargetsOf(m))
            {
                engagedBy[t] = engagedBy.GetValueOrDefault(t) + 1;
            }
        }

        var scales = windows.Count;
        var rates = new Dictionary<int, double[]>();
        var others = new List<long>();
        foreach (var (t, count) in engagedBy)
        {
            if (count < 2)
            {
                continue;
            }

            others.Clear();
            for (var i = timelines.TargetOffsets[t]; i < timelines.TargetOffsets[t + 1]; i++)
            {
                if (!member[timelines.Actors[i]])
                {
                    others.Add(timelines.Times[i]);
                }
            }

            var pairs = (double)others.Count * (others.Count - 1) / 2;
            var rate = new double[scales];
            for (var w = 0; w < scales; w++)
            {
                long within = 0;
                var hi = 0;
                for (var i = 0; i < others.Count; i++)
                {
                    hi = Math.Max(hi, i);
                    while (hi + 1 < others.Count && others[hi + 1] - others[i] <= windows[w])
                    {
                        hi++;
                    }

                    within += hi - i;
                }

                rate[w] = (within + (PriorPairs * chance.Of(t, w))) / (pairs + PriorPairs);
            }

            rates[t] = rate;
        }

        foreach (var m in members)
        {
            member[m] = false;
        }

        var expected = new double[scales];
        var survivors = new List<int>(component.Count);
        foreach (var p in component)
        {
            if (Retest(significant[p], timelines, (t, w) => rates[t][w], expected) <= cutoff)
            {
                survivors.Add(p);
            }
        }

        return survivors;
    }

    /// <summary>Connected components of the given pairs after peeling them to the minimum degree, as lists of pair indices.</summary>
    private static List<List<int>> Components(List<PairEvidence> significant, List<int> subset, int minDegree)
    {
        var local = new Dictionary<int, int>();
        int Local(int actor)
        {
            if (!local.TryGetValue(actor, out var index))
            {
                local.Add(actor, index = local.Count);
            }

            return index;
        }

        var pairA = new int[subset.Count];
        var pairB = new int[subset.Count];
        for (var i = 0; i < subset.Count; i++)
        {
            pairA[i] = Local(significant[subset[i]].A);
            pairB[i] = Local(significant[subset[i]].B);
        }

        var degree = new int[local.Count];
        for (var i = 0; i < subset.Count; i++)
        {
            degree[pairA[i]]++;
            degree[pairB[i]]++;
        }

        var alive = PeelToMinDegree(local.Count, pairA, pairB, degree, minDegree);
        var parent = new int[local.Count];
        for (var a = 0; a < parent.Length; a++)
        {
            parent[a] = a;
        }

        for (var i = 0; i < subset.Count; i++)
        {
            if (alive[i])
            {
                var ra = Find(parent, pairA[i]);
                var rb = Find(parent, pairB[i]);
                if (ra != rb)
                {
                    parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                }
            }
        }

        var byRoot = new Dictionary<int, List<int>>();
        var order = new List<List<int>>();
        for (var i = 0; i < subset.Count; i++)
        {
            if (alive[i])
            {
                var root = Find(parent, pairA[i]);
                if (!byRoot.TryGetValue(root, out var pairs))
                {
                    byRoot.Add(root, pairs = []);
                    order.Add(pairs);
                }

                pairs.Add(subset[i]);
            }
        }

        return order;
    }

    /// <summary>A group's evidence at its own scale: where its pairs' co-actions, summed, stand furthest above chance.</summary>
    private static LockstepGroup Describe(
        LockstepInput input, TargetTimelines timelines, List<PairEvidence> significant, List<int> pairs, long[] payload, IReadOnlyList<long> windows)
    {
        var members = new SortedSet<int>();
        foreach (var p in pairs)
        {
            members.Add(significant[p].A);
            members.Add(significant[p].B);
        }

        var scale = 0;
        var bestBound = double.MaxValue;
        for (var w = 0; w < windows.Count; w++)
        {
            long observed = 0;
            double expected = 0;
            foreach (var p in pairs)
            {
                observed += significant[p].CoActions[w];
                expected += significant[p].Expected[w];
            }

            var bound = LogChernoff(observed, expected);
            if (bound < bestBound)
            {
                bestBound = bound;
                scale = w;
            }
        }

        var targets = new HashSet<int>();
        var gaps = new List<long>();
        long coActions = 0;
        double chanceCoActions = 0;
        var logChances = new List<double>(pairs.Count);
        foreach (var p in pairs)
        {
            var pair = significant[p];
            coActions += pair.CoActions[scale];
            chanceCoActions += pair.Expected[scale];
            logChances.Add(pair.LogChance);
            for (var k = pair.RunStart; k < pair.RunStart + pair.RunLength; k++)
            {
                var gap = payload[k] & 0xFFFFFFFF;
                if (gap <= windows[scale])
                {
                    targets.Add(timelines.TargetOf[(int)(payload[k] >> 32)]);
                    gaps.Add(gap);
                }
            }
        }

        gaps.Sort();
        logChances.Sort();
        var median = gaps.Count == 0 ? 0 : gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[(gaps.Count / 2) - 1] + gaps[gaps.Count / 2]) / 2;
        var memberArray = members.ToArray();
        return new LockstepGroup(
            memberArray,
            [.. memberArray.Select(m => input.ActorIds[m])],
            pairs.Count,
            [.. targets.Select(t => input.TargetIds[t]).Order()],
            coActions,
            chanceCoActions,
            median,
            windows[scale],
            logChances[logChances.Count / 2]);
    }

    /// <summary>Drops pairs until every remaining actor has at least <paramref name="minDegree"/> remaining pairs.</summary>
    private static bool[] PeelToMinDegree(int actorCount, int[] pairA, int[] pairB, int[] degree, int minDegree)
    {
        var pairCount = pairA.Length;
        var alive = new bool[pairCount];
        Array.Fill(alive, true);
        if (minDegree <= 1)
        {
            return alive;
        }

        var incidentOffsets = new int[actorCount + 1];
        for (var p = 0; p < pairCount; p++)
        {
            incidentOffsets[pairA[p] + 1]++;
            incidentOffsets[pairB[p] + 1]++;
        }

        for (var a = 0; a < actorCount; a++)
        {
            incidentOffsets[a + 1] += incidentOffsets[a];
        }

        var incident = new int[incidentOffsets[actorCount]];
        var cursor = (int[])incidentOffsets.Clone();
        for (var p = 0; p < pairCount; p++)
        {
            incident[cursor[pairA[p]]++] = p;
            incident[cursor[pairB[p]]++] = p;
        }

        var removed = new bool[actorCount];
        var queue = new Queue<int>();
        for (var a = 0; a < actorCount; a++)
        {
            if (degree[a] > 0 && degree[a] < minDegree)
            {
                removed[a] = true;
                queue.Enqueue(a);
            }
        }

        while (queue.Count > 0)
        {
            var a = queue.Dequeue();
            for (var k = incidentOffsets[a]; k < incidentOffsets[a + 1]; k++)
            {
                var p = incident[k];
                if (!alive[p])
                {
                    continue;
                }

                alive[p] = false;
                var other = pairA[p] == a ? pairB[p] : pairA[p];
                degree[other]--;
                if (!removed[other] && degree[other] < minDegree)
                {
                    removed[other] = true;
                    queue.Enqueue(other);
                }
            }
        }

        return alive;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }
}
