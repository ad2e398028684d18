using System.Diagnostics;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Storage.Postgres.Benchmarks;

/// <summary>
/// Ingests <see cref="IngestBenchmarkOptions.Events"/> synthetic events into any store in batches and
/// times the batch writes end to end. Backend-agnostic, so the CLI can report PostgreSQL and SQLite alike.
/// Run it against an empty store: events already present count as duplicates and skew the figure.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<IngestBenchmarkResult> RunAsync(
        IBehaviorStore store, IngestBenchmarkOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var source = new IngestSource($"synthetic-{options.Seed}-{options.Events}", $"bench:{options.Seed}:{options.Events}");
        long inserted = 0, duplicates = 0;
        var batches = 0;
        var writeTime = TimeSpan.Zero;
        var slowest = TimeSpan.Zero;
        for (var start = 0; start < options.Events; start += options.BatchSize)
        {
            var count = Math.Min(options.BatchSize, options.Events - start);
            var events = SyntheticEvents.Generate(options, start, count);
            var batch = new EventBatch(source, events, [], start + count);

            var started = Stopwatch.GetTimestamp();
            var result = await store.Ingest.WriteBatchAsync(batch, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);

            writeTime += elapsed;
            slowest = elapsed > slowest ? elapsed : slowest;
            inserted += result.Inserted;
            duplicates += result.Duplicates;
            batches++;
            progress?.Report(start + count);
        }

        return new IngestBenchmarkResult(store.Description, options.Events, batches, inserted, duplicates, writeTime, slowest);
    }
}
