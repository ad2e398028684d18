namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

public static partial class Lockstep
{
    private static (IReadOnlyList<LockstepGroup> Groups, long Candidates, long Kept) BuildGroups(
        LockstepInput input,
        long[] keys,
        long[] payload,
        LockstepParameters parameters,
        CancellationToken cancellationToken)
    {
        // Runs of equal pair keys: a run's length is the number of distinct targets the pair shares.
        var runStarts = new List<int>();
        var runLengths = new List<int>();
        long candidates = 0;
        for (var k = 0; k < keys.Length;)
        {
            var end = k + 1;
            while (end < keys.Length && keys[end] == keys[k])
            {
                end++;
            }

            candidates++;
            if (end - k >= parameters.MinSharedTargets)
            {
                runStarts.Add(k);
                runLengths.Add(end - k);
            }

            k = end;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var actorCount = input.ActorIds.Length;
        var pairCount = runStarts.Count;
        var pairA = new int[pairCount];
        var pairB = new int[pairCount];
        var degree = new int[actorCount];
        for (var p = 0; p < pairCount; p++)
        {
            var key = keys[runStarts[p]];
            pairA[p] = (int)(key >> 32);
            pairB[p] = (int)(key & 0xFFFFFFFF);
            degree[pairA[p]]++;
            degree[pairB[p]]++;
        }

        var pairAlive = PeelToMinDegree(actorCount, pairA, pairB, degree, parameters.MinPairDegree);

        var parent = new int[actorCount];
        for (var a = 0; a < actorCount; a++)
        {
            parent[a] = a;
        }

        for (var p = 0; p < pairCount; p++)
        {
            if (pairAlive[p])
            {
                var ra = Find(parent, pairA[p]);
                var rb = Find(parent, pairB[p]);
                if (ra != rb)
                {
                    parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                }
            }
        }

        var groupOf = new Dictionary<int, List<int>>();
        for (var p = 0; p < pairCount; p++)
        {
            if (!pairAlive[p])
            {
                continue;
            }

            var root = Find(parent, pairA[p]);
            if (!groupOf.TryGetValue(root, out var pairs))
            {
                pairs = [];
                groupOf.Add(root, pairs);
            }

            pairs.Add(p);
        }

        var groups = new List<LockstepGroup>();
        foreach (var (_, pairs) in groupOf)
        {
            var members = new SortedSet<int>();
            var targets = new HashSet<int>();
            var gaps = new List<long>();
            foreach (var p in pairs)
            {
                members.Add(pairA[p]);
                members.Add(pairB[p]);
                for (var k = runStarts[p]; k < runStarts[p] + runLengths[p]; k++)
                {
                    targets.Add((int)(payload[k] >> 32));
                    gaps.Add(payload[k] & 0xFFFFFFFF);
                }
            }

            if (members.Count < parameters.MinGroupSize)
            {
                continue;
            }

            gaps.Sort();
            var median = gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[(gaps.Count / 2) - 1] + gaps[gaps.Count / 2]) / 2;
            var targetIds = targets.Select(t => input.TargetIds[t]).Order().ToArray();
            var memberArray = members.ToArray();
            groups.Add(new LockstepGroup(
                memberArray,
                [.. memberArray.Select(m => input.ActorIds[m])],
                pairs.Count,
                targetIds,
                gaps.Count,
                median));
        }

        groups.Sort((x, y) => x.MemberCount != y.MemberCount ? y.MemberCount.CompareTo(x.MemberCount) : x.Members[0].CompareTo(y.Members[0]));
        return (groups, candidates, pairCount);
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
