using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

public static partial class Lockstep
{
    private sealed class PairChunk
    {
        public long[] Keys = new long[64];
        public long[] Payload = new long[64];
        public int Count;
        public long BurstEvents;

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
    /// Emits one record per (actor pair, target): key = a&lt;&lt;32|b with a &lt; b, payload = target&lt;&lt;32 | smallest gap (ms,
    /// capped at int.MaxValue).
    /// </summary>
    private static (long[] Keys, long[] Payload, long BurstEvents) EmitPairs(
        int[] targetOffsets,
        long[] times,
        int[] actors,
        LockstepParameters parameters,
        CancellationToken cancellationToken)
    {
        var targetCount = targetOffsets.Length - 1;
        var chunkCount = (targetCount + TargetGrain - 1) / TargetGrain;
        var chunks = new PairChunk[chunkCount];
        var window = parameters.WindowMs;
        var cap = parameters.MaxEventsPerWindow;
        ParallelRanges.For(targetCount, TargetGrain, (s, e) =>
        {
            var chunk = new PairChunk();
            var scratchKeys = new long[64];
            var scratchGaps = new long[64];
            var burst = Array.Empty<bool>();
            for (var t = s; t < e; t++)
            {
                var from = targetOffsets[t];
                var to = targetOffsets[t + 1];
                var len = to - from;
                if (len < 2)
                {
                    continue;
                }

                if (burst.Length < len)
                {
                    burst = new bool[Math.Max(len, 2 * burst.Length)];
                }

                // An event lies in a burst when some window [ts_i, ts_i + W] holding it has more than cap events.
                var burstEnd = from;
                var hi = from;
                for (var i = from; i < to; i++)
                {
                    if (hi < i)
                    {
                        hi = i;
                    }

                    while (hi < to && times[hi] - times[i] <= window)
                    {
                        hi++;
                    }

                    if (hi - i > cap)
                    {
                        burstEnd = Math.Max(burstEnd, hi);
                    }

                    burst[i - from] = i < burstEnd;
                }

                var found = 0;
                for (var i = from; i < to; i++)
                {
                    if (burst[i - from])
                    {
                        chunk.BurstEvents++;
                        continue;
                    }

                    for (var j = i + 1; j < to && times[j] - times[i] <= window; j++)
                    {
                        if (burst[j - from] || actors[j] == actors[i])
                        {
                            continue;
                        }

                        var a = Math.Min(actors[i], actors[j]);
                        var b = Math.Max(actors[i], actors[j]);
                        if (found == scratchKeys.Length)
                        {
                            Array.Resize(ref scratchKeys, found * 2);
                            Array.Resize(ref scratchGaps, found * 2);
                        }

                        scratchKeys[found] = ((long)a << 32) | (uint)b;
                        scratchGaps[found] = times[j] - times[i];
                        found++;
                    }
                }

                if (found == 0)
                {
                    continue;
                }

                Array.Sort(scratchKeys, scratchGaps, 0, found);
                for (var k = 0; k < found; k++)
                {
                    if (k > 0 && scratchKeys[k] == scratchKeys[k - 1])
                    {
                        continue;
                    }

                    // Sorting by key leaves equal keys' gaps unordered: take the minimum over the run.
                    var gap = scratchGaps[k];
                    for (var r = k + 1; r < found && scratchKeys[r] == scratchKeys[k]; r++)
                    {
                        gap = Math.Min(gap, scratchGaps[r]);
                    }

                    chunk.Add(scratchKeys[k], ((long)t << 32) | (uint)Math.Min(gap, int.MaxValue));
                }
            }

            chunks[s / TargetGrain] = chunk;
        }, cancellationToken);

        long total = 0;
        long burstEvents = 0;
        foreach (var c in chunks)
        {
            total += c.Count;
            burstEvents += c.BurstEvents;
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"{total:N0} co-action records exceed one array; lower MaxEventsPerWindow or WindowMs, or split the time range.");
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

        return (keys, payload, burstEvents);
    }
}
