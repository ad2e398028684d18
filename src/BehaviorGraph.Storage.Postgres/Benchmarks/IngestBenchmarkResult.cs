namespace BehaviorGraph.Storage.Postgres.Benchmarks;

/// <summary>
/// What the benchmark measured. <see cref="WriteTime"/> is the sum of the WriteBatchAsync calls (event
/// generation excluded); <see cref="EventsPerSecond"/> is events offered per second of write time.
/// </summary>
public sealed record IngestBenchmarkResult(
    string Store, int Events, int Batches, long Inserted, long Duplicates, TimeSpan WriteTime, TimeSpan SlowestBatch)
{
    public double EventsPerSecond => Events / WriteTime.TotalSeconds;

    public override string ToString() =>
        $"{Store}: {Events:N0} events in {Batches} batches, {Inserted:N0} inserted, {Duplicates:N0} duplicates, " +
        $"write time {WriteTime.TotalSeconds:F1} s, {EventsPerSecond:N0} events/s, slowest batch {SlowestBatch.TotalMilliseconds:N0} ms";
}
