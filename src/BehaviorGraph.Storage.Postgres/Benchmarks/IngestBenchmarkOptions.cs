namespace BehaviorGraph.Storage.Postgres.Benchmarks;

/// <summary>
/// Shape of the synthetic ingest benchmark: how many events, in batches of what size, over how many
/// distinct accounts, content items, devices and IPs. The same options and seed always yield the same events.
/// </summary>
public sealed record IngestBenchmarkOptions(
    int Events = 1_000_000,
    int BatchSize = 50_000,
    int Accounts = 50_000,
    int Contents = 100_000,
    int Devices = 20_000,
    int Ips = 30_000,
    ulong Seed = 42)
{
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Events);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Accounts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Contents);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Devices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Ips);
    }
}
