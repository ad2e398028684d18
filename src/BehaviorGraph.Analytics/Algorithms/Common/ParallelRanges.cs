namespace BehaviorGraph.Analytics.Algorithms.Common;

/// <summary>
/// Splits 0..count into fixed chunks and runs them on the thread pool. Chunk boundaries depend only on
/// count and grain, so work that writes per-index results is deterministic whatever the scheduling.
/// </summary>
internal static class ParallelRanges
{
    public static void For(int count, int grain, Action<int, int> body, CancellationToken cancellationToken = default)
    {
        if (count <= 0)
        {
            return;
        }

        var chunks = (count + grain - 1) / grain;
        if (chunks == 1 || Environment.ProcessorCount == 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(c * grain, Math.Min(count, (c + 1) * grain));
            }

            return;
        }

        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, c => body(c * grain, Math.Min(count, (c + 1) * grain)));
    }

    /// <summary>
    /// Runs one worker per core; each pulls chunks from a shared counter and gets its own worker index,
    /// so it can keep private accumulators (merged by the caller in worker-independent ways, e.g. integer sums).
    /// </summary>
    public static int ForWorkers(int count, int grain, Action<int, int, int> body, CancellationToken cancellationToken = default)
    {
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, (count + grain - 1) / Math.Max(grain, 1)));
        var next = -1;
        var chunks = (count + grain - 1) / grain;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers };
        Parallel.For(0, workers, options, worker =>
        {
            int c;
            while ((c = Interlocked.Increment(ref next)) < chunks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(worker, c * grain, Math.Min(count, (c + 1) * grain));
            }
        });
        return workers;
    }

    public static int WorkerCount(int count, int grain) =>
        Math.Max(1, Math.Min(Environment.ProcessorCount, (count + grain - 1) / Math.Max(grain, 1)));
}
