using System.Diagnostics;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;

namespace BehaviorGraph.Ingest.Fuzz;

/// <summary>
/// Parse-only throughput of the event readers: the whole ingest pipeline over an in-memory copy of a file, into a
/// store that keeps nothing, so the figure is reading, splitting, decoding and validating rows. Uses only the
/// public ingest API, so the same source builds against an older Ingest to compare the two in one run.
/// </summary>
internal static class ParseBenchmark
{
    public static async Task<int> RunAsync(string path, int repeats, string label)
    {
        var content = await File.ReadAllBytesAsync(path);
        var format = EventFiles.IsJsonLines(path) ? EventFormat.JsonLines : EventFormat.Csv;
        var ingestor = new EventIngestor(new DiscardingStore());
        var options = IngestOptions.Default with { Force = true };
        var rates = new List<double>();
        var cpuRates = new List<double>();
        long rows = 0;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var report = await ingestor.IngestContentAsync(path, content, format, options, CancellationToken.None);
            clock.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            rows = report.Read;
            rates.Add(report.Read / clock.Elapsed.TotalSeconds);
            cpuRates.Add(report.Read / cpu.TotalSeconds);
            Console.WriteLine(
                $"{label} run {i + 1}: {report.Read:N0} rows ({report.Ingested:N0} valid, {report.Quarantined:N0} quarantined) in {clock.Elapsed.TotalSeconds:F3} s wall " +
                $"= {rates[^1]:N0} rows/s; {cpu.TotalSeconds:F3} s CPU = {cpuRates[^1]:N0} rows per CPU-second");
        }

        rates.Sort();
        cpuRates.Sort();
        Console.WriteLine(
            $"{label}: {rows:N0} rows, wall best {rates[^1]:N0} / median {rates[rates.Count / 2]:N0} rows/s; " +
            $"CPU best {cpuRates[^1]:N0} / median {cpuRates[cpuRates.Count / 2]:N0} rows per CPU-second ({repeats} runs)");
        return 0;
    }

    /// <summary>A store that counts and forgets: every event is new, nothing is kept.</summary>
    private sealed class DiscardingStore : IEventIngestStore
    {
        public Task<SourceProgress?> GetProgressAsync(string contentHash, CancellationToken cancellationToken) => Task.FromResult<SourceProgress?>(null);

        public Task<BatchWriteResult> WriteBatchAsync(EventBatch batch, CancellationToken cancellationToken) =>
            Task.FromResult(new BatchWriteResult(batch.Events.Count, 0, batch.Quarantined.Count));

        public Task CompleteSourceAsync(IngestSource source, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
