using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Tests.Projection;

public sealed class PlatformLoaderContinuationTests
{
    [Theory]
    [InlineData(0.0, 7)]
    [InlineData(0.3, 7)]
    [InlineData(0.9, 11)]
    [InlineData(0.99, 3)]
    [InlineData(1.0, 5)]
    public async Task ContinuingAPreviousLoad_GivesTheFullLoadBitForBit(double previousShare, int seed)
    {
        var platform = Platform(seed);
        var previousEvents = (int)(platform.EventCount * previousShare);
        var before = platform.Prefix(previousEvents);
        var previous = await PlatformLoader.LoadAsync(before, before, null, CancellationToken.None);

        var continued = await PlatformLoader.LoadAsync(platform, platform, previous, null, CancellationToken.None);
        var full = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);

        Assert.True(continued.Continued, continued.FullBecause);
        Assert.Equal(previous.Events.Count, continued.FirstNewEvent);
        AssertSame(full, continued.Data);
    }

    [Fact]
    public async Task ContinuingALoad_MarksTheDevicesAndIpsOfTheNewEvents()
    {
        var platform = Platform(7);
        var previousEvents = platform.EventCount;
        platform.Add(Scenarios.Start + (400 * TestPlatform.Day), "like", "b3", "c9", device: "db3", ip: "fresh-ip");
        var before = platform.Prefix(previousEvents);
        var previous = await PlatformLoader.LoadAsync(before, before, null, CancellationToken.None);

        var continued = await PlatformLoader.LoadAsync(platform, platform, previous, null, CancellationToken.None);

        Assert.Equal(1, continued.TouchedDevices!.Count(t => t));
        Assert.Equal(1, continued.TouchedIps!.Count(t => t));
        Assert.True(continued.TouchedIps![^1]);
    }

    [Fact]
    public async Task TheAggregatedEdges_AreThoseIngestStores()
    {
        var platform = Platform(11);
        var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);

        var stored = new List<GraphEdge>();
        await foreach (var edge in platform.ReadEdgesAsync(null, CancellationToken.None))
        {
            stored.Add(edge);
        }

        var loaded = new[] { data.AccountEdges, data.ContentEdges, data.DeviceEdges, data.IpEdges }
            .SelectMany(f => Enumerable.Range(0, f.Length).Select(k => (f.Count[k], f.FirstMs[k], f.LastMs[k], f.ValueSum[k])))
            .Order()
            .ToList();
        Assert.Equal(stored.Select(e => ((int)e.Count, e.FirstMs, e.LastMs, e.ValueSum)).Order(), loaded);
    }

    [Fact]
    public async Task APreviousLoadOfAnotherStore_IsNotContinued_AndSaysWhy()
    {
        var previous = await PlatformLoader.LoadAsync(Platform(3), Platform(3), null, CancellationToken.None);
        var other = Scenarios.Benign(40);

        var load = await PlatformLoader.LoadAsync(other, other, previous, null, CancellationToken.None);

        Assert.False(load.Continued);
        Assert.Contains("previous run", load.FullBecause, StringComparison.Ordinal);
        AssertSame(await PlatformLoader.LoadAsync(other, other, null, CancellationToken.None), load.Data);
    }

    /// <summary>Benign accounts, a ring, ratings with fractional values, and late joiners whose events come last.</summary>
    private static TestPlatform Platform(int seed)
    {
        var p = Scenarios.Benign();
        Scenarios.AddRing(p, 8, careful: seed % 2 == 0);
        var random = new Random(seed);
        var t = Scenarios.Start + (100 * TestPlatform.Day);
        for (var k = 0; k < 300; k++)
        {
            var actor = random.Next(75);
            var name = actor < 60 ? $"b{actor}" : $"late{actor}";
            var target = random.Next(3) switch
            {
                0 => $"b{random.Next(60)}",
                1 => $"c{random.Next(80)}",
                _ => $"late{60 + random.Next(15)}",
            };
            var type = target.StartsWith('c') ? "like" : "rate";
            p.Add(t + (k * 60_000L), type, name, target, type == "rate" ? random.NextDouble() * 5 : null, device: $"dv{actor % 20}", ip: $"ip{actor % 9}");
        }

        return p;
    }

    private static void AssertSame(PlatformData expected, PlatformData actual)
    {
        Assert.Equal(expected.AccountKeys, actual.AccountKeys);
        Assert.Equal(expected.AccountFirstSeenMs, actual.AccountFirstSeenMs);
        Assert.Equal((expected.ContentCount, expected.DeviceCount, expected.IpCount), (actual.ContentCount, actual.DeviceCount, actual.IpCount));
        Assert.Equal((expected.ReferenceTimeMs, expected.NodesRead, expected.MaxNodeId, expected.EventSequence), (actual.ReferenceTimeMs, actual.NodesRead, actual.MaxNodeId, actual.EventSequence));
        Assert.Equal(expected.Events.Actor, actual.Events.Actor);
        Assert.Equal(expected.Events.Target, actual.Events.Target);
        Assert.Equal(expected.Events.Type, actual.Events.Type);
        Assert.Equal(expected.Events.TimestampMs, actual.Events.TimestampMs);
        Assert.Equal(expected.Events.Value.Select(BitConverter.SingleToInt32Bits), actual.Events.Value.Select(BitConverter.SingleToInt32Bits));
        foreach (var (e, a) in new[] { (expected.AccountEdges, actual.AccountEdges), (expected.ContentEdges, actual.ContentEdges), (expected.DeviceEdges, actual.DeviceEdges), (expected.IpEdges, actual.IpEdges) })
        {
            Assert.Equal(e.Source, a.Source);
            Assert.Equal(e.Target, a.Target);
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(e.Count, a.Count);
            Assert.Equal(e.FirstMs, a.FirstMs);
            Assert.Equal(e.LastMs, a.LastMs);
            Assert.Equal(e.ValueSum.Select(BitConverter.DoubleToInt64Bits), a.ValueSum.Select(BitConverter.DoubleToInt64Bits));
        }
    }
}
