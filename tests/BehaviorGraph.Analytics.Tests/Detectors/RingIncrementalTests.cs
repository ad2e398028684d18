using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Rings;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Detectors;

public sealed class RingIncrementalTests
{
    // Warm-started communities may differ a little from a cold run's; this is how far their modularity may fall short.
    private const double ModularityTolerance = 0.02;

    public static TheoryData<int, bool, int, ulong> Rings() => new()
    {
        { 6, false, 60, 42 },
        { 8, true, 60, 42 },
        { 8, false, 120, 7 },
        { 12, true, 90, 99 },
        { 16, false, 200, 3 },
    };

    [Theory]
    [MemberData(nameof(Rings))]
    public async Task NoNewEvents_CarriesEveryCommunity_AndGivesThePreviousRingsAndFeatures(int size, bool careful, int benign, ulong seed)
    {
        var platform = Platform(size, careful, benign);

        var run = await IncrementalRun.RunAsync(Detector(seed), platform, platform.EventCount);

        AssertSameOutput(run.Previous, run.Incremental);
        Assert.Contains("incremental: Louvain warm-started moving 0 of", run.Incremental.Summary, StringComparison.Ordinal);
        Assert.Contains(" 0 communities re-split and re-measured, 0 with an unchanged", run.Incremental.Summary, StringComparison.Ordinal);
        Assert.NotEmpty(run.Incremental.Clusters);
    }

    [Theory]
    [MemberData(nameof(Rings))]
    public async Task RingOnlyInTheNewEvents_IsReported(int size, bool careful, int benign, ulong seed)
    {
        var platform = Scenarios.Benign(benign);
        var before = platform.EventCount;
        Scenarios.AddRing(platform, size, careful, benign);

        var run = await IncrementalRun.RunAsync(Detector(seed), platform, before);

        Assert.DoesNotContain(run.Previous.Clusters, c => c.Members.Any(m => m.StartsWith('r')));
        var ring = Assert.Single(run.Incremental.Clusters, c => c.Kind == ClusterKind.Ring && c.Members.Any(m => m.StartsWith('r')));
        Assert.Equal(Enumerable.Range(0, size).Select(i => $"r{i}").Order(StringComparer.Ordinal), ring.Members.Order(StringComparer.Ordinal));
        Assert.Contains("incremental:", run.Incremental.Summary, StringComparison.Ordinal);
        Assert.True(run.MeanBestMatchF1() >= 0.99, $"F1 {run.MeanBestMatchF1():0.000}");
    }

    [Theory]
    [MemberData(nameof(Rings))]
    public async Task AnySplitPoint_GivesTheFullRunsRings(int size, bool careful, int benign, ulong seed)
    {
        var platform = Platform(size, careful, benign);
        foreach (var share in new[] { 0.3, 0.6, 0.9, 0.99 })
        {
            var run = await IncrementalRun.RunAsync(Detector(seed), platform, (int)(platform.EventCount * share));

            Assert.True(run.MeanBestMatchF1() >= 0.99, $"split {share}: F1 {run.MeanBestMatchF1():0.000}");
            Assert.True(run.Full.Clusters.Count > 0);
            foreach (var column in run.Incremental.Columns)
            {
                Assert.Equal(run.Data.AccountCount, column.Values.Length);
            }

            AssertRingColumnsMatchClusters(run);
        }
    }

    [Theory]
    [MemberData(nameof(Rings))]
    public async Task WarmStartedPartition_IsWithinTheToleranceOfTheFullRunsModularity(int size, bool careful, int benign, ulong seed)
    {
        var platform = Platform(size, careful, benign);
        var parameters = new RingParameters { Seed = seed };
        foreach (var share in new[] { 0.5, 0.8, 0.95 })
        {
            var before = platform.Prefix((int)(platform.EventCount * share));
            var beforeData = await PlatformLoader.LoadAsync(before, before, null, CancellationToken.None);
            var previous = RingSearch.Find(beforeData, PlatformGraphs.Build(beforeData), new AccountIdentifiers(beforeData), parameters, CancellationToken.None);
            var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
            var graphs = PlatformGraphs.Build(data);
            var scope = IncrementalScope.Create(data, beforeData.Events.Count, null, null, 1, [], new Dictionary<string, byte[]>());
            var affected = (bool[])scope.TouchedAccounts.Clone();

            var warm = RingSearch.Continue(data, graphs, new AccountIdentifiers(data), parameters, previous.State, affected, CancellationToken.None);
            var full = RingSearch.Find(data, graphs, new AccountIdentifiers(data), parameters, CancellationToken.None);

            Assert.True(warm.Modularity >= full.Modularity - ModularityTolerance, $"split {share}: warm {warm.Modularity:0.0000} vs full {full.Modularity:0.0000}");
            Assert.NotNull(warm.Incremental);
            Assert.Equal(warm.Incremental.Remeasured + warm.Incremental.CoresKept + warm.Incremental.Carried, warm.State.Cores.Count);
        }
    }

    [Fact]
    public async Task IncrementalState_ChainsIntoTheNextRun()
    {
        var platform = Platform(8, careful: false, benign: 60);
        var first = await IncrementalRun.RunAsync(Detector(42), platform, platform.EventCount / 2);
        var data = first.Data;
        var scope = IncrementalScope.Create(data, data.Events.Count, null, null, 2, first.Incremental.Clusters,
            new Dictionary<string, byte[]> { ["rings"] = first.Incremental.State! });

        var second = Detector(42).Run(new DetectorContext(data, PlatformGraphs.Build(data), AnalystSignals.None, scope), CancellationToken.None);

        AssertSameOutput(first.Incremental, second);
        Assert.Contains(" 0 communities re-split and re-measured, 0 with an unchanged", second.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flipped byte")]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("foreign")]
    [InlineData("other settings")]
    [InlineData("other event count")]
    public async Task CorruptOrForeignState_FallsBackToAFullPass(string damage)
    {
        var platform = Platform(8, careful: true, benign: 60);
        var split = platform.EventCount * 2 / 3;
        var before = platform.Prefix(split);
        var beforeData = await PlatformLoader.LoadAsync(before, before, null, CancellationToken.None);
        var previous = Detector(42).Run(new DetectorContext(beforeData, PlatformGraphs.Build(beforeData), AnalystSignals.None), CancellationToken.None);
        var state = previous.State!;
        var firstNew = beforeData.Events.Count;
        state = damage switch
        {
            "flipped byte" => Flip(state, state.Length / 2),
            "truncated" => state[..(state.Length / 2)],
            "empty" => [],
            "foreign" => [.. System.Text.Encoding.UTF8.GetBytes("{\"not\":\"a ring state\"}")],
            "other settings" => new RingDetector(new RingParameters { MinMembers = 4 }).Run(
                new DetectorContext(beforeData, PlatformGraphs.Build(beforeData), AnalystSignals.None), CancellationToken.None).State!,
            _ => state,
        };
        if (damage == "other event count")
        {
            firstNew--;
        }

        var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
        var graphs = PlatformGraphs.Build(data);
        var scope = IncrementalScope.Create(data, firstNew, null, null, 1, previous.Clusters, new Dictionary<string, byte[]> { ["rings"] = state });

        var incremental = Detector(42).Run(new DetectorContext(data, graphs, AnalystSignals.None, scope), CancellationToken.None);
        var full = Detector(42).Run(new DetectorContext(data, graphs, AnalystSignals.None), CancellationToken.None);

        AssertSameOutput(full, incremental);
        Assert.DoesNotContain("incremental", incremental.Summary, StringComparison.Ordinal);
        Assert.Equal(full.State, incremental.State);
    }

    private static RingDetector Detector(ulong seed) => new(new RingParameters { Seed = seed });

    /// <summary>Benign friend groups and a ring whose events are spread through the log, so every split point cuts it.</summary>
    private static TestPlatform Platform(int size, bool careful, int benign)
    {
        var staged = Scenarios.Benign(benign);
        Scenarios.AddRing(staged, size, careful, benign);
        return staged;
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x5A;
        return copy;
    }

    private static void AssertRingColumnsMatchClusters(IncrementalRun run)
    {
        var index = run.Data.AccountKeys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);
        var sizeColumn = run.Incremental.Columns.Single(c => c.Feature.Name == Core.Features.AccountFeatures.RingSize.Name).Values;
        foreach (var ring in run.Incremental.Clusters.Where(c => c.Kind == ClusterKind.Ring && !c.Evidence.Contains("surfaced", StringComparison.Ordinal)))
        {
            foreach (var member in ring.Members)
            {
                Assert.True(sizeColumn[index[member]] >= 1);
            }
        }
    }

    private static void AssertSameOutput(DetectorOutput expected, DetectorOutput actual)
    {
        Assert.Equal(expected.Clusters.Count, actual.Clusters.Count);
        for (var i = 0; i < expected.Clusters.Count; i++)
        {
            Assert.Equal(expected.Clusters[i].Id, actual.Clusters[i].Id);
            Assert.Equal(expected.Clusters[i].Members, actual.Clusters[i].Members);
            Assert.Equal(expected.Clusters[i].Score, actual.Clusters[i].Score);
            Assert.Equal(expected.Clusters[i].Evidence, actual.Clusters[i].Evidence);
        }

        Assert.Equal(expected.Columns.Select(c => c.Feature.Name), actual.Columns.Select(c => c.Feature.Name));
        for (var k = 0; k < expected.Columns.Count; k++)
        {
            Assert.Equal(expected.Columns[k].Values, actual.Columns[k].Values);
        }
    }
}
