using BehaviorGraph.Api.AnalystConsole.Contracts;
using BehaviorGraph.Core.Investigation;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>
/// Buckets a group's activity for the timeline chart: a bucket width from a fixed ladder (1 minute … 30 days), the
/// smallest that fits the group's span into the buckets asked for, aligned to multiples of the width since the Unix
/// epoch. Signups are members' first-seen times; actions are first actions on a target; a co-action is a first action
/// on a target that at least one other member also first acted on in the same bucket (lockstep shows as a spike).
/// </summary>
internal static class ClusterTimeline
{
    private static readonly long[] Widths =
    [
        60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
        86_400_000, 172_800_000, 604_800_000, 1_209_600_000, 2_592_000_000,
    ];

    public static ActivityTimeline Build(string cluster, GroupActivity activity, int maxBuckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBuckets, 1);
        var times = activity.Members.Select(m => m.FirstSeenMs).Concat(activity.Actions.Select(a => a.FirstMs)).ToList();
        if (times.Count == 0)
        {
            return new ActivityTimeline(cluster, Widths[0], 0, 0, 0, 0, activity.ActionsTruncated, []);
        }

        var (min, max) = (times.Min(), times.Max());
        var width = Widths.FirstOrDefault(w => (max - min) / w + 1 <= maxBuckets, Widths[^1]);
        var from = Math.Floor((double)min / width) * width;
        var start = (long)from;
        var count = (int)Math.Min(((max - start) / width) + 1, maxBuckets + 1L);
        var signups = new int[count];
        var actions = new int[count];
        var coActions = new int[count];
        var active = new HashSet<string>[count];
        for (var i = 0; i < count; i++)
        {
            active[i] = new HashSet<string>(StringComparer.Ordinal);
        }

        int Bucket(long t) => (int)Math.Clamp((t - start) / width, 0, count - 1);
        foreach (var member in activity.Members)
        {
            var b = Bucket(member.FirstSeenMs);
            signups[b]++;
            active[b].Add(member.Account);
        }

        foreach (var action in activity.Actions)
        {
            var b = Bucket(action.FirstMs);
            actions[b]++;
            active[b].Add(action.Account);
        }

        foreach (var group in activity.Actions.GroupBy(a => (a.Target, Bucket(a.FirstMs))))
        {
            var members = group.Select(a => a.Account).Distinct(StringComparer.Ordinal).Count();
            if (members >= 2)
            {
                coActions[group.Key.Item2] += group.Count();
            }
        }

        var buckets = Enumerable.Range(0, count)
            .Select(i => new ActivityBucket(start + (i * width), signups[i], actions[i], coActions[i], active[i].Count))
            .ToList();
        return new ActivityTimeline(cluster, width, start, start + (count * width), activity.Members.Count, activity.Actions.Count, activity.ActionsTruncated, buckets);
    }
}
