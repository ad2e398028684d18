using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// Every actor's first engagement of every target, two ways: per target in time order (distinct actors), and per
/// actor the targets it engaged, ascending. Repeat engagements (a view, then a like) count once, at the first.
/// </summary>
internal sealed class TargetTimelines
{
    private TargetTimelines(int[] targetOffsets, int[] actors, long[] times, int[] actorOffsets, int[] actorTargets, int[] targetOf)
    {
        TargetOffsets = targetOffsets;
        TargetOf = targetOf;
        Actors = actors;
        Times = times;
        ActorOffsets = actorOffsets;
        ActorTargets = actorTargets;
    }

    public int[] TargetOffsets { get; }

    public int[] Actors { get; }

    public long[] Times { get; }

    /// <summary>The target of each engagement (by its index in <see cref="Actors"/> / <see cref="Times"/>).</summary>
    public int[] TargetOf { get; }

    public int[] ActorOffsets { get; }

    public int[] ActorTargets { get; }

    public int TargetCount => TargetOffsets.Length - 1;

    public int EngagementCount => Actors.Length;

    public int EngagersOf(int target) => TargetOffsets[target + 1] - TargetOffsets[target];

    public ReadOnlySpan<int> TargetsOf(int actor) => ActorTargets.AsSpan(ActorOffsets[actor], ActorOffsets[actor + 1] - ActorOffsets[actor]);

    public static TargetTimelines Build(LockstepInput input, CancellationToken cancellationToken)
    {
        var targetCount = input.TargetIds.Length;
        var offsets = new int[targetCount + 1];
        foreach (var t in input.Targets)
        {
            offsets[t + 1]++;
        }

        for (var t = 0; t < targetCount; t++)
        {
            offsets[t + 1] += offsets[t];
        }

        var cursor = (int[])offsets.Clone();
        var times = new long[input.Count];
        var actors = new int[input.Count];
        for (var i = 0; i < input.Count; i++)
        {
            var at = cursor[input.Targets[i]]++;
            times[at] = input.TimestampsMs[i];
            actors[at] = input.Actors[i];
        }

        // Sort each target's events by time (ties by actor), then keep each actor's first; fill the gaps left in place.
        var kept = new int[targetCount];
        ParallelRanges.For(targetCount, 2048, (s, e) =>
        {
            var seen = new HashSet<int>();
            for (var t = s; t < e; t++)
            {
                var from = offsets[t];
                var len = offsets[t + 1] - from;
                if (len > 1)
                {
                    SortByTimeThenActor(times, actors, from, len);
                }

                seen.Clear();
                var write = from;
                for (var i = from; i < from + len; i++)
                {
                    if (seen.Add(actors[i]))
                    {
                        times[write] = times[i];
                        actors[write] = actors[i];
                        write++;
                    }
                }

                kept[t] = write - from;
            }
        }, cancellationToken);

        var compactOffsets = new int[targetCount + 1];
        for (var t = 0; t < targetCount; t++)
        {
            compactOffsets[t + 1] = compactOffsets[t] + kept[t];
        }

        var total = compactOffsets[targetCount];
        var compactTimes = new long[total];
        var compactActors = new int[total];
        for (var t = 0; t < targetCount; t++)
        {
            Array.Copy(times, offsets[t], compactTimes, compactOffsets[t], kept[t]);
            Array.Copy(actors, offsets[t], compactActors, compactOffsets[t], kept[t]);
        }

        // Per actor, the targets engaged: a counting sort by actor of the (target-ordered) engagements keeps them ascending.
        var actorCount = input.ActorIds.Length;
        var actorOffsets = new int[actorCount + 1];
        foreach (var a in compactActors)
        {
            actorOffsets[a + 1]++;
        }

        for (var a = 0; a < actorCount; a++)
        {
            actorOffsets[a + 1] += actorOffsets[a];
        }

        var actorCursor = (int[])actorOffsets.Clone();
        var actorTargets = new int[total];
        var targetOf = new int[total];
        for (var t = 0; t < targetCount; t++)
        {
            for (var i = compactOffsets[t]; i < compactOffsets[t + 1]; i++)
            {
                actorTargets[actorCursor[compactActors[i]]++] = t;
                targetOf[i] = t;
            }
        }

        return new TargetTimelines(compactOffsets, compactActors, compactTimes, actorOffsets, actorTargets, targetOf);
    }

    private static void SortByTimeThenActor(long[] times, int[] actors, int from, int len)
    {
        var keys = new (long Time, int Actor)[len];
        for (var i = 0; i < len; i++)
        {
            keys[i] = (times[from + i], actors[from + i]);
        }

        Array.Sort(keys);
        for (var i = 0; i < len; i++)
        {
            times[from + i] = keys[i].Time;
            actors[from + i] = keys[i].Actor;
        }
    }
}
