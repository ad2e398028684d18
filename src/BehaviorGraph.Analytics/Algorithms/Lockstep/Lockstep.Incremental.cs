using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

public static partial class Lockstep
{
    /// <summary>
    /// The result <see cref="Run"/> gives on <paramref name="input"/>, computed from a previous run's carry on its first
    /// <see cref="LockstepCarry.EngagementCount"/> engagements (the rest are new) without pairing the engagements of
    /// targets no new engagement touched. A pair's co-action on a target depends on that target's timeline only, so an
    /// untouched target's records are those of the previous run; the timelines and the platform's chance rates are
    /// rebuilt over everything (the rates move as engagements arrive, and every tested pair is re-evaluated against them).
    /// <list type="bullet">
    /// <item>touched targets are paired twice, over their old engagements and over all of them; each of those pairs is
    /// checked for a co-action on an untouched target (its two target lists intersected), which gives the new number of
    /// co-acting pairs from the previous one;</item>
    /// <item>the pairs to test are the previous run's tested pairs and the pairs co-acting on a touched target: any other
    /// pair's co-actions all lie on untouched targets, unchanged, and were too few before. Each is re-counted over every
    /// target both engaged, exactly as the full run counts it;</item>
    /// <item>the false discovery rate, the groups and their evidence then follow as in the full run.</item>
    /// </list>
    /// </summary>
    internal static (LockstepResult Result, LockstepCarry Carry, LockstepIncrementalCounts Counts) RunIncremental(
        LockstepInput input, LockstepParameters parameters, LockstepCarry previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(previous);
        Validate(parameters);
        if (previous.EngagementCount > input.Count)
        {
            throw new ArgumentException($"The previous run read {previous.EngagementCount:N0} engagements, more than the {input.Count:N0} given.", nameof(previous));
        }

        var timelines = TargetTimelines.Build(input, cancellationToken);
        var chance = ChanceRates.Measure(timelines, parameters.WindowsMs);
        var touched = new bool[timelines.TargetCount];
        for (var i = previous.EngagementCount; i < input.Count; i++)
        {
            touched[input.Targets[i]] = true;
        }

        var (ends, flooded) = PartnerEnds(timelines, parameters, cancellationToken);
        var positions = ActorPositions(timelines);

        var oldTimelines = TargetTimelines.Build(OldEngagementsOf(input, previous.EngagementCount, touched), cancellationToken);
        var (affectedAfter, affectedBefore) = AffectedEngagements(timelines, oldTimelines, touched, parameters.WindowsMs[^1]);

        var (afterKeys, _, _) = EmitPairs(timelines, parameters, cancellationToken, touched, affectedAfter);
        var afterRecords = afterKeys.LongLength;
        Array.Sort(afterKeys);
        afterKeys = DistinctSorted(afterKeys);

        var (beforeKeys, _, _) = EmitPairs(oldTimelines, parameters, cancellationToken, touched, affectedBefore);
        var beforeRecords = beforeKeys.LongLength;
        Array.Sort(beforeKeys);
        beforeKeys = DistinctSorted(beforeKeys);

        // Co-acting pairs now: those with an unaffected record (the same before and after), plus those with an affected one now.
        var onlyTouchedBefore = CountWithoutUntouchedRecord(beforeKeys, timelines, positions, ends, affectedAfter, cancellationToken);
        var onlyTouchedAfter = CountWithoutUntouchedRecord(afterKeys, timelines, positions, ends, affectedAfter, cancellationToken);
        var pairs = previous.CoActingPairs - onlyTouchedBefore + onlyTouchedAfter;
        var records = previous.CoActionRecords - beforeRecords + afterRecords;

        var candidates = MergeSorted(previous.TestedKeys, afterKeys);
        var evaluated = new PairEvidence?[candidates.Length];
        var enough = new bool[candidates.Length];
        var windows = parameters.WindowsMs;
        var scales = windows.Count;
        var bonferroni = Math.Log(scales);
        var loosest = Math.Log(parameters.FalseDiscoveryRate);
        ParallelRanges.For(candidates.Length, 512, (s, e) =>
        {
            var coActions = new long[scales];
            var cheap = new double[scales];
            var expected = new double[scales];
            var moments = new List<(long Time, long Gap)>();
            for (var c = s; c < e; c++)
            {
                var a = (int)(candidates[c] >> 32);
                var b = (int)(candidates[c] & 0xFFFFFFFF);
                Array.Clear(cheap);
                Array.Clear(expected);
                moments.Clear();
                var ta = timelines.TargetsOf(a);
                var tb = timelines.TargetsOf(b);
                var pa = positions.AsSpan(timelines.ActorOffsets[a], ta.Length);
                var pb = positions.AsSpan(timelines.ActorOffsets[b], tb.Length);
                for (int i = 0, j = 0; i < ta.Length && j < tb.Length;)
                {
                    if (ta[i] < tb[j])
                    {
                        i++;
                    }
                    else if (ta[i] > tb[j])
                    {
                        j++;
                    }
                    else
                    {
                        var target = ta[i];
                        var lo = Math.Min(pa[i], pb[j]);
                        var hi = Math.Max(pa[i], pb[j]);
                        var coActed = hi < ends[lo];
                        if (coActed)
                        {
                            moments.Add((timelines.Times[lo], timelines.Times[hi] - timelines.Times[lo]));
                        }

                        for (var w = 0; w < scales; w++)
                        {
                            var rate = chance.Of(target, w);
                            expected[w] += rate;
                            if (coActed)
                            {
                                cheap[w] += rate;
                            }
                        }

                        i++;
                        j++;
                    }
                }

                if (moments.Count < parameters.MinSharedTargets)
                {
                    continue;
                }

                enough[c] = true;
                CountMoments(moments, windows, coActions);
                if (BestChance(coActions, cheap, out _) + bonferroni > loosest)
                {
                    continue;
                }

                var logChance = BestChance(coActions, expected, out var best) + bonferroni;
                if (logChance <= loosest)
                {
                    evaluated[c] = new PairEvidence(a, b, -1, moments.Count, (long[])coActions.Clone(), (double[])expected.Clone(), best, logChance);
                }
            }
        }, cancellationToken);

        var testedKeys = new List<long>();
        for (var c = 0; c < candidates.Length; c++)
        {
            if (enough[c])
            {
                testedKeys.Add(candidates[c]);
            }
        }

        var tested = evaluated.Where(x => x is not null).Select(x => x!).OrderBy(x => x.LogChance).ThenBy(x => x.A).ThenBy(x => x.B).ToList();
        var (significant, cutoff) = Discoveries(tested, pairs, parameters.FalseDiscoveryRate);
        var payload = RecordsOf(significant, timelines, positions, ends);
        var (groups, kept) = BuildGroups(input, timelines, chance, significant, cutoff, payload, parameters, cancellationToken);

        var touchedCount = touched.Count(t => t);
        var carried = candidates.Length - afterKeys.Length;
        var result = new LockstepResult(
            groups, timelines.EngagementCount, timelines.TargetCount, flooded, records, pairs, testedKeys.Count, significant.Count, kept);
        var counts = new LockstepIncrementalCounts(touchedCount, timelines.TargetCount, affectedAfter.LongCount(x => x) + affectedBefore.LongCount(x => x), beforeKeys.Length, afterKeys.Length, candidates.Length, carried);
        return (result, new LockstepCarry(input.Count, records, pairs, [.. testedKeys]), counts);
    }

    /// <summary>Per engagement (timeline index), the end of its partners (see <see cref="PartnerEnd"/>), and how many were flooded.</summary>
    private static (int[] Ends, long Flooded) PartnerEnds(TargetTimelines timelines, LockstepParameters parameters, CancellationToken cancellationToken)
    {
        var ends = new int[timelines.EngagementCount];
        var chunks = (timelines.TargetCount + TargetGrain - 1) / TargetGrain;
        var flooded = new long[chunks];
        var windows = parameters.WindowsMs;
        ParallelRanges.For(timelines.TargetCount, TargetGrain, (s, e) =>
        {
            long cut = 0;
            for (var t = s; t < e; t++)
            {
                var to = timelines.TargetOffsets[t + 1];
                for (var i = timelines.TargetOffsets[t]; i < to; i++)
                {
                    ends[i] = PartnerEnd(timelines.Times, i, to, windows, parameters.MaxPartners, out var isCut);
                    cut += isCut ? 1 : 0;
                }
            }

            flooded[s / TargetGrain] = cut;
        }, cancellationToken);
        return (ends, flooded.Sum());
    }

    /// <summary>For every entry of <see cref="TargetTimelines.ActorTargets"/>, the index of that engagement in the timelines.</summary>
    private static int[] ActorPositions(TargetTimelines timelines)
    {
        var positions = new int[timelines.EngagementCount];
        var cursor = (int[])timelines.ActorOffsets.Clone();
        for (var t = 0; t < timelines.TargetCount; t++)
        {
            for (var i = timelines.TargetOffsets[t]; i < timelines.TargetOffsets[t + 1]; i++)
            {
                positions[cursor[timelines.Actors[i]]++] = i;
            }
        }

        return positions;
    }

    /// <summary>
    /// Per engagement of the new and of the old timelines: whether its co-action records (with its later partners) may
    /// differ between the two. An engagement's partners are the engagements of its target within the widest window after
    /// it, so they are the same before and after unless an engagement that is in one timeline only (new, or an old first
    /// engagement a new earlier one replaced) lies within that window of it, or it is one itself.
    /// </summary>
    private static (bool[] After, bool[] Before) AffectedEngagements(TargetTimelines after, TargetTimelines before, bool[] touched, long widest)
    {
        var affectedAfter = new bool[after.EngagementCount];
        var affectedBefore = new bool[before.EngagementCount];
        var changed = new List<long>();
        for (var t = 0; t < touched.Length; t++)
        {
            if (!touched[t])
            {
                continue;
            }

            changed.Clear();
            int i = after.TargetOffsets[t], iEnd = after.TargetOffsets[t + 1];
            int j = before.TargetOffsets[t], jEnd = before.TargetOffsets[t + 1];
            while (i < iEnd || j < jEnd)
            {
                var order = i == iEnd ? 1 : j == jEnd ? -1
                    : after.Times[i] != before.Times[j] ? after.Times[i].CompareTo(before.Times[j]) : after.Actors[i].CompareTo(before.Actors[j]);
                if (order == 0)
                {
                    i++;
                    j++;
                }
                else if (order < 0)
                {
                    changed.Add(after.Times[i++]);
                }
                else
                {
                    changed.Add(before.Times[j++]);
                }
            }

            Mark(after, t, changed, widest, affectedAfter);
            Mark(before, t, changed, widest, affectedBefore);
        }

        return (affectedAfter, affectedBefore);

        static void Mark(TargetTimelines timelines, int t, List<long> changed, long widest, bool[] affected)
        {
            // changed is ascending: both walks above go in time order.
            var d = 0;
            for (var x = timelines.TargetOffsets[t]; x < timelines.TargetOffsets[t + 1]; x++)
            {
                var time = timelines.Times[x];
                while (d < changed.Count && changed[d] < time)
                {
                    d++;
                }

                affected[x] = d < changed.Count && changed[d] - time <= widest;
            }
        }
    }

    /// <summary>The first <paramref name="count"/> engagements whose target is one of <paramref name="targets"/>.</summary>
    private static LockstepInput OldEngagementsOf(LockstepInput input, int count, bool[] targets)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            kept += targets[input.Targets[i]] ? 1 : 0;
        }

        var actors = new int[kept];
        var targetOf = new int[kept];
        var times = new long[kept];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            if (targets[input.Targets[i]])
            {
                actors[at] = input.Actors[i];
                targetOf[at] = input.Targets[i];
                times[at] = input.TimestampsMs[i];
                at++;
            }
        }

        return new LockstepInput(actors, targetOf, times, input.ActorIds, input.TargetIds);
    }

    /// <summary>How many of the pairs have no unaffected co-action record (one whose earlier engagement is not affected).</summary>
    private static long CountWithoutUntouchedRecord(long[] keys, TargetTimelines timelines, int[] positions, int[] ends, bool[] affected, CancellationToken cancellationToken)
    {
        var chunks = (keys.Length + 4095) / 4096;
        var counts = new long[chunks];
        ParallelRanges.For(keys.Length, 4096, (s, e) =>
        {
            long none = 0;
            for (var k = s; k < e; k++)
            {
                var a = (int)(keys[k] >> 32);
                var b = (int)(keys[k] & 0xFFFFFFFF);
                var ta = timelines.TargetsOf(a);
                var tb = timelines.TargetsOf(b);
                var pa = positions.AsSpan(timelines.ActorOffsets[a], ta.Length);
                var pb = positions.AsSpan(timelines.ActorOffsets[b], tb.Length);
                var found = false;
                for (int i = 0, j = 0; !found && i < ta.Length && j < tb.Length;)
                {
                    if (ta[i] < tb[j])
                    {
                        i++;
                    }
                    else if (ta[i] > tb[j])
                    {
                        j++;
                    }
                    else
                    {
                        var lo = Math.Min(pa[i], pb[j]);
                        found = !affected[lo] && Math.Max(pa[i], pb[j]) < ends[lo];
                        i++;
                        j++;
                    }
                }

                none += found ? 0 : 1;
            }

            counts[s / 4096] = none;
        }, cancellationToken);
        return counts.Sum();
    }

    /// <summary>
    /// The co-action records (earlier engagement &lt;&lt; 32 | gap, as <see cref="EmitPairs"/> gives them) of the pairs, one
    /// run per pair in their order; each pair is given its run.
    /// </summary>
    private static long[] RecordsOf(List<PairEvidence> pairs, TargetTimelines timelines, int[] positions, int[] ends)
    {
        var payload = new List<long>();
        for (var p = 0; p < pairs.Count; p++)
        {
            var pair = pairs[p];
            var start = payload.Count;
            var ta = timelines.TargetsOf(pair.A);
            var tb = timelines.TargetsOf(pair.B);
            var pa = positions.AsSpan(timelines.ActorOffsets[pair.A], ta.Length);
            var pb = positions.AsSpan(timelines.ActorOffsets[pair.B], tb.Length);
            for (int i = 0, j = 0; i < ta.Length && j < tb.Length;)
            {
                if (ta[i] < tb[j])
                {
                    i++;
                }
                else if (ta[i] > tb[j])
                {
                    j++;
                }
                else
                {
                    var lo = Math.Min(pa[i], pb[j]);
                    var hi = Math.Max(pa[i], pb[j]);
                    if (hi < ends[lo])
                    {
                        payload.Add(((long)lo << 32) | (uint)(timelines.Times[hi] - timelines.Times[lo]));
                    }

                    i++;
                    j++;
                }
            }

            pairs[p] = pair with { RunStart = start, RunLength = payload.Count - start };
        }

        return [.. payload];
    }

    private static long[] DistinctSorted(long[] sorted)
    {
        var count = 0;
        for (var k = 0; k < sorted.Length; k++)
        {
            if (k == 0 || sorted[k] != sorted[k - 1])
            {
                sorted[count++] = sorted[k];
            }
        }

        return sorted.AsSpan(0, count).ToArray();
    }

    /// <summary>The union of two ascending, distinct key arrays, ascending.</summary>
    private static long[] MergeSorted(long[] x, long[] y)
    {
        var merged = new long[x.Length + y.Length];
        int i = 0, j = 0, at = 0;
        while (i < x.Length || j < y.Length)
        {
            if (j == y.Length || (i < x.Length && x[i] < y[j]))
            {
                merged[at++] = x[i++];
            }
            else if (i == x.Length || y[j] < x[i])
            {
                merged[at++] = y[j++];
            }
            else
            {
                merged[at++] = x[i++];
                j++;
            }
        }

        return merged.AsSpan(0, at).ToArray();
    }
}
