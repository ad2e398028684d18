using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

public static partial class Lockstep
{
    private sealed class PairChunk
    {
        public long[] Keys = new long[64];
        public long[] Payload = new long[64];
        public int Count;
        public long Flooded;

        public void Add(long key, long payload)
        {
            if (Count == Keys.Length)
            {
                Array.Resize(ref Keys, Keys.Length * 2);
                Array.Resize(ref Payload, Payload.Length * 2);
            }

            Keys[Count] = key;
            Payload[Count] = payload;
            Count++;
        }
    }

    /// <summary>
    /// Emits one record per (actor pair, target) within the widest scale: key = a&lt;&lt;32|b with a &lt; b, payload =
    /// index of the earlier engagement (in the timelines; it gives the target and the time)&lt;&lt;32 | gap (ms). Actors are distinct per target, so a pair meets once per target. An event whose window
    /// holds more than the partner cap pairs within the widest scale that does not flood, or with nobody.
    /// </summary>
    private static (long[] Keys, long[] Payload, long Flooded) EmitPairs(
        TargetTimelines timelines, LockstepParameters parameters, CancellationToken cancellationToken, bool[]? onlyTargets = null, bool[]? onlyFrom = null)
    {
        var targetCount = timelines.TargetCount;
        var chunkCount = (targetCount + TargetGrain - 1) / TargetGrain;
        var chunks = new PairChunk[chunkCount];
        var windows = parameters.WindowsMs;
        var cap = parameters.MaxPartners;
        var times = timelines.Times;
        var actors = timelines.Actors;
        ParallelRanges.For(targetCount, TargetGrain, (s, e) =>
        {
            var chunk = new PairChunk();
            for (var t = s; t < e; t++)
            {
                if (onlyTargets is not null && !onlyTargets[t])
                {
                    continue;
                }

                var from = timelines.TargetOffsets[t];
                var to = timelines.TargetOffsets[t + 1];
                for (var i = from; i < to; i++)
                {
                    if (onlyFrom is not null && !onlyFrom[i])
                    {
                        continue;
                    }

                    var end = PartnerEnd(times, i, to, windows, cap, out var cut);
                    if (cut)
                    {
                        chunk.Flooded++;
                    }

                    for (var j = i + 1; j < end; j++)
                    {
                        var a = Math.Min(actors[i], actors[j]);
                        var b = Math.Max(actors[i], actors[j]);
                        chunk.Add(((long)a << 32) | (uint)b, ((long)i << 32) | (uint)(times[j] - times[i]));
                    }
                }
            }

            chunks[s / TargetGrain] = chunk;
        }, cancellationToken);

        long total = 0;
        long flooded = 0;
        foreach (var c in chunks)
        {
            total += c.Count;
            flooded += c.Flooded;
        }

        if (total > Array.MaxLength || timelines.EngagementCount > int.MaxValue)
        {
            throw new InvalidOperationException(
                $"{total:N0} co-action records exceed one array; lower MaxPartners or the widest window, or split the time range.");
        }

        var keys = new long[total];
        var payload = new long[total];
        var at = 0;
        foreach (var c in chunks)
        {
            Array.Copy(c.Keys, 0, keys, at, c.Count);
            Array.Copy(c.Payload, 0, payload, at, c.Count);
            at += c.Count;
        }

        return (keys, payload, flooded);
    }

    /// <summary>
    /// The end (exclusive) of engagement <paramref name="i"/>'s partners among the later engagements of its target (which
    /// ends at <paramref name="to"/>): those within the widest window while they stay under the cap, else within the widest
    /// narrower window that holds at most the cap (flooded), else none (flooded).
    /// </summary>
    private static int PartnerEnd(long[] times, int i, int to, IReadOnlyList<long> windows, int cap, out bool flooded)
    {
        var limit = i + 1;
        while (limit < to && times[limit] - times[i] <= windows[^1] && limit - i <= cap)
        {
            limit++;
        }

        var end = limit;
        var reach = windows[^1];
        if (limit < to && times[limit] - times[i] <= windows[^1])
        {
            end = i + 1;
            reach = -1;
            for (var w = windows.Count - 2; w >= 0; w--)
            {
                var within = UpperBound(times, i + 1, limit, times[i] + windows[w]);
                if (within < limit || times[limit] - times[i] > windows[w])
                {
                    end = within;
                    reach = windows[w];
                    break;
                }
            }
        }

        flooded = reach < windows[^1];
        return end;
    }

    /// <summary>First index in [from, to) whose time exceeds <paramref name="bound"/> (the times are ascending).</summary>
    private static int UpperBound(long[] times, int from, int to, long bound)
    {
        var lo = from;
        var hi = to;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (times[mid] <= bound)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
