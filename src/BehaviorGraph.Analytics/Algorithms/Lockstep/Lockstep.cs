using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// Temporal co-action detection in the CopyCatch / SynchroTrap spirit, without any all-pairs step over accounts:
/// <list type="number">
/// <item>counting sort of events by target, then each target's events by time — O(N log N);</item>
/// <item>per target, a sliding window of width W marks burst events (more than the cap inside one window) and emits
/// each actor pair co-acting within W once per target, with the smallest time gap — O(N · cap) at most,
/// parallel over fixed target ranges;</item>
/// <item>sort the (pair, target) records by pair key a&lt;&lt;32|b; a run's length is the number of distinct shared
/// targets — O(P log P) for P records;</item>
/// <item>kept pairs form a graph over actors, peeled to a minimum degree and split into connected components.</item>
/// </list>
/// Memory is 16 bytes per (pair, target) record. Deterministic: range outputs are joined in range order.
/// </summary>
public static partial class Lockstep
{
    private const int TargetGrain = 2048;

    public static LockstepResult Run(LockstepInput input, LockstepParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters.WindowMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MaxEventsPerWindow, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MinSharedTargets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MinGroupSize, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(parameters.MinPairDegree);

        var (targetOffsets, times, actors) = SortByTargetAndTime(input, cancellationToken);
        progress?.Report(0.2);
        var (keys, payload, burst) = EmitPairs(targetOffsets, times, actors, parameters, cancellationToken);
        progress?.Report(0.5);
        Array.Sort(keys, payload);
        progress?.Report(0.7);
        var (groups, candidates, kept) = BuildGroups(input, keys, payload, parameters, cancellationToken);
        progress?.Report(1.0);
        return new LockstepResult(groups, input.Count, input.TargetIds.Length, burst, keys.Length, candidates, kept);
    }

    private static (int[] Offsets, long[] Times, int[] Actors) SortByTargetAndTime(LockstepInput input, CancellationToken cancellationToken)
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

        ParallelRanges.For(targetCount, TargetGrain, (s, e) =>
        {
            for (var t = s; t < e; t++)
            {
                var len = offsets[t + 1] - offsets[t];
                if (len > 1)
                {
                    Array.Sort(times, actors, offsets[t], len);
                }
            }
        }, cancellationToken);
        return (offsets, times, actors);
    }
}
