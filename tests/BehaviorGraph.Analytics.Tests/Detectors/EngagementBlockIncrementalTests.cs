using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Blocks;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Detectors;

public sealed class EngagementBlockIncrementalTests
{
    public static TheoryData<int, int, double> Settings => new()
    {
        { 300, 1, 0.5 },
        { 300, 2, 0.9 },
        { 600, 3, 0.7 },
        { 600, 4, 0.97 },
        { 1_200, 5, 0.8 },
        { 1_200, 6, 0.6 },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task Incremental_WithNoNewEvents_ReportsThePreviousBlocksAndFeatures(int accounts, int seed, double _)
    {
        var platform = BlockPlatform.Build(accounts, seed, [new PlantedBlock(accounts / 40, 12, 0.3)]);

        var run = await IncrementalRun.RunAsync(Detector(), platform, platform.EventCount);

        Assert.NotEmpty(run.Previous.Clusters);
        Assert.Equal(Describe(run.Previous.Clusters), Describe(run.Incremental.Clusters));
        for (var c = 0; c < run.Previous.Columns.Count; c++)
        {
            Assert.Equal(run.Previous.Columns[c].Values, run.Incremental.Columns[c].Values);
        }

        Assert.StartsWith("incremental: re-peeled 0 of", run.Incremental.Summary, StringComparison.Ordinal);
        Assert.Contains($"{run.Previous.Clusters.Count} block(s) carried unchanged", run.Incremental.Summary, StringComparison.Ordinal);
        Assert.Contains("from the previous run", run.Incremental.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task Incremental_ReportsABlockPlantedOnlyInTheNewEvents(int accounts, int seed, double split)
    {
        // The late block starts where the split falls; everything before is the previous run's.
        var late = new PlantedBlock(Math.Max(6, accounts / 50), 10, split);
        var built = BlockPlatform.BuildWithTimes(accounts, seed, [new PlantedBlock(accounts / 40, 12, 0.2 * split), late]);
        var previousEvents = built.EventsBefore(split);

        var run = await IncrementalRun.RunAsync(Detector(), built.Platform, previousEvents);

        var planted = Enumerable.Range(0, late.Accounts).Select(i => $"blk1-{i}").ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(run.Previous.Clusters, c => c.Members.Any(planted.Contains));
        var found = run.Incremental.Clusters.Max(c => F1(c.Members, planted));
        Assert.True(found >= 0.9, $"best F1 {found:0.00} against the block planted in the new events; {run.Incremental.Summary}");
        Assert.StartsWith("incremental:", run.Incremental.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task Incremental_MatchesTheFullRun_OnPlatformsWithEngagementBlocks(int accounts, int seed, double split)
    {
        // Blocks acting before, across and after the split, plus organic activity on both sides of it.
        var platform = BlockPlatform.Build(
            accounts,
            seed,
            [new PlantedBlock(accounts / 40, 12, 0.1), new PlantedBlock(Math.Max(6, accounts / 60), 8, split - 0.05), new PlantedBlock(accounts / 30, 15, Math.Min(0.99, split + 0.02))]);
        var previousEvents = (int)(platform.EventCount * split);

        var run = await IncrementalRun.RunAsync(Detector(), platform, previousEvents);

        Assert.NotEmpty(run.Full.Clusters);
        Assert.True(run.MeanBestMatchF1() >= 0.99, $"mean best-match F1 {run.MeanBestMatchF1():0.000}; full {Describe(run.Full.Clusters)}; incremental {Describe(run.Incremental.Clusters)}; {run.Incremental.Summary}");
        AssertFeaturesFollowClusters(run.Incremental, run.Data);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("foreign")]
    [InlineData("other-parameters")]
    [InlineData("other-events")]
    public async Task Incremental_WithACorruptOrForeignState_RunsInFull(string damage)
    {
        var platform = BlockPlatform.Build(600, 9, [new PlantedBlock(15, 12, 0.3), new PlantedBlock(12, 10, 0.9)]);
        var previousEvents = (int)(platform.EventCount * 0.8);
        var before = platform.Prefix(previousEvents);
        var beforeData = await PlatformLoader.LoadAsync(before, before, null, CancellationToken.None);
        var detector = Detector();
        var state = detector.Run(new DetectorContext(beforeData, PlatformGraphs.Build(beforeData), AnalystSignals.None), CancellationToken.None).State!;
        var firstNew = beforeData.Events.Count;
        var parameters = new BlockParameters();
        switch (damage)
        {
            case "truncated":
                state = state[..(state.Length / 2)];
                break;
            case "flipped":
                state = (byte[])state.Clone();
                state[state.Length / 3] ^= 0x40;
                break;
            case "foreign":
                state = "not a block state at all"u8.ToArray();
                break;
            case "other-parameters":
                parameters = parameters with { NullFactor = 1.4 };
                break;
            default:
                firstNew -= 1;
                break;
        }

        var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
        var graphs = PlatformGraphs.Build(data);
        var scope = IncrementalScope.Create(data, firstNew, null, null, 1, [], new Dictionary<string, byte[]> { ["blocks"] = state });
        var incremental = new EngagementBlockDetector(parameters).Run(new DetectorContext(data, graphs, AnalystSignals.None, scope), CancellationToken.None);
        var full = new EngagementBlockDetector(parameters).Run(new DetectorContext(data, graphs, AnalystSignals.None), CancellationToken.None);

        Assert.DoesNotContain("incremental", incremental.Summary, StringComparison.Ordinal);
        Assert.Equal(full.Summary, incremental.Summary);
        Assert.Equal(Describe(full.Clusters), Describe(incremental.Clusters));
        Assert.Equal(full.State, incremental.State);
    }

    [Fact]
    public async Task State_OfAnIncrementalRun_CarriesTheBarToTheNextRun()
    {
        var platform = BlockPlatform.Build(600, 11, [new PlantedBlock(15, 12, 0.2), new PlantedBlock(12, 10, 0.75), new PlantedBlock(10, 10, 0.95)]);
        var first = (int)(platform.EventCount * 0.6);
        var second = (int)(platform.EventCount * 0.85);
        var detector = Detector();

        var middle = platform.Prefix(second);
        var run = await IncrementalRun.RunAsync(detector, middle, first);
        var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
        var graphs = PlatformGraphs.Build(data);
        var scope = IncrementalScope.Create(data, run.Data.Events.Count, null, null, 2, run.Incremental.Clusters, new Dictionary<string, byte[]> { ["blocks"] = run.Incremental.State! });
        var again = detector.Run(new DetectorContext(data, graphs, AnalystSignals.None, scope), CancellationToken.None);

        Assert.StartsWith("incremental:", again.Summary, StringComparison.Ordinal);
        Assert.Equal(Bar(run.Previous.Summary), Bar(again.Summary));
        Assert.Contains(again.Clusters, c => c.Members.Any(m => m.StartsWith("blk2-", StringComparison.Ordinal)));
    }

    private static EngagementBlockDetector Detector() => new(new BlockParameters());

    private static string Bar(string summary) => System.Text.RegularExpressions.Regex.Match(summary, @"\(bar: [\d.]+ .*? graph, [\d.]+").Value;

    private static string[] Describe(IReadOnlyList<DetectedCluster> clusters) =>
        [.. clusters.Select(c => $"{c.Id} {c.Score} [{string.Join(',', c.Members)}] {c.Evidence}")];

    private static double F1(IReadOnlyList<string> members, HashSet<string> planted)
    {
        var shared = members.Count(planted.Contains);
        return shared == 0 ? 0 : 2.0 * shared / (members.Count + planted.Count);
    }

    /// <summary>Every account in a reported block has that block's density, score and size; every other account 0.</summary>
    private static void AssertFeaturesFollowClusters(DetectorOutput output, PlatformData data)
    {
        var index = data.AccountKeys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var inBlock = new bool[data.AccountCount];
        foreach (var c in output.Clusters)
        {
            foreach (var m in c.Members)
            {
                inBlock[index[m]] = true;
            }
        }

        foreach (var column in output.Columns)
        {
            Assert.Equal(data.AccountCount, column.Values.Length);
            for (var a = 0; a < data.AccountCount; a++)
            {
                Assert.Equal(inBlock[a], column.Values[a] > 0);
            }
        }
    }
}
