using BehaviorGraph.Ingest.Tests.Support;

namespace BehaviorGraph.Ingest.Tests;

public sealed class BitcoinOtcIngestTests
{
    [SkippableFact]
    public async Task Ingest_BitcoinOtc_Loads35592EventsBetween5881Accounts_WithNothingQuarantined()
    {
        var events = SharedData.Find(Path.Combine("bitcoin-otc", "events.csv"));
        Skip.If(events is null, $"The shared data set is not beside the repository ({SharedData.Describe()}).");
        await using var fx = await StoreFixture.CreateAsync();

        var report = await fx.IngestAsync(events!);
        var stats = await fx.Store.Stats.GetStatsAsync(CancellationToken.None);

        Assert.Equal(35_592, report.Ingested);
        Assert.Equal(0, report.Quarantined);
        Assert.Equal(35_592, stats.Events);
        Assert.Equal(5_881, stats.NodesByKind["account"]);
        Assert.Equal(35_592, stats.EdgesByType["rate"]);
        Assert.Equal(0, stats.Quarantined);
    }
}
