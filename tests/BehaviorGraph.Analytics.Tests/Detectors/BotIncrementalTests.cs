using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Bots;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Tests.Detectors;

/// <summary>
/// The bot detector's incremental pass against a full run on the same events: the lockstep part is exact, so clusters
/// (members, score, evidence, figures), feature columns and the state left for the next run are equal.
/// </summary>
public sealed class BotIncrementalTests
{
    private const long Minute = 60_000;
    private const long Day = TestPlatform.Day;

    /// <summary>
    /// Organic accounts liking, viewing and sharing posts at random times over <paramref name="days"/> days, plus
    /// <paramref name="groups"/> bot groups of <paramref name="groupSize"/> accounts, each running jobs on random posts
    /// with every member acting within <paramref name="jitter"/> of the job's start. Events in time order unless
    /// <paramref name="shuffled"/> (then the log is not time-sorted, so new events may fall before old ones).
    /// </summary>
    private static (TestPlatform Platform, List<string[]> Bots) Build(
        int seed, int groups, int groupSize, long jitter, int days = 20, bool shuffled = false, long botsFrom = 0, int accounts = 160, int posts = 220)
    {
        var random = new Random(seed);
        var events = new List<(long Time, string Type, string Actor, string Target)>();
        for (var p = 0; p < posts; p++)
        {
            events.Add((Scenarios.Start + (long)(random.NextDouble() * Day), "post", $"u{random.Next(accounts)}", $"p{p}"));
        }

        string[] kinds = ["like", "like", "view", "view", "share", "comment"];
        for (var u = 0; u < accounts; u++)
        {
            var actions = random.Next(8, 30);
            for (var k = 0; k < actions; k++)
            {
                // Popular posts get more of the traffic (a skewed draw), so targets come in many sizes.
                var post = (int)(posts * Math.Pow(random.NextDouble(), 2));
                events.Add((Scenarios.Start + Day + (long)(random.NextDouble() * days * Day), kinds[random.Next(kinds.Length)], $"u{u}", $"p{post}"));
            }

            if (random.NextDouble() < 0.3)
            {
                events.Add((Scenarios.Start + Day + (long)(random.NextDouble() * days * Day), "follow", $"u{u}", $"u{random.Next(accounts)}"));
            }
        }

        var bots = new List<string[]>();
        for (var g = 0; g < groups; g++)
        {
            var members = Enumerable.Range(0, groupSize).Select(m => $"bot{g}_{m}").ToArray();
            bots.Add(members);
            var jobs = random.Next(5, 9);
            for (var j = 0; j < jobs; j++)
            {
                var post = $"p{random.Next(posts)}";
                var start = botsFrom > 0
                    ? botsFrom + (long)(random.NextDouble() * 2 * Day)
                    : Scenarios.Start + Day + (long)(random.NextDouble() * days * Day);
                foreach (var m in members)
                {
                    events.Add((start + (long)(random.NextDouble() * jitter), "like", m, post));
                }
            }
        }

        if (shuffled)
        {
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events));
        }
        else
        {
            events.Sort((x, y) => x.Time.CompareTo(y.Time));
        }

        var platform = new TestPlatform();
        foreach (var (time, type, actor, target) in events)
        {
            platform.Add(time, type, actor, target);
        }

        return (platform, bots);
    }

    private static BotDetector Detector() => new(new BotParameters());

    public static TheoryData<int, int, int, long, double, bool> Settings() => new()
    {
        { 1, 1, 6, 2 * Minute, 0.99, false },
        { 2, 2, 4, 30_000, 0.9, false },
        { 3, 1, 10, 8 * Minute, 0.5, false },
        { 4, 3, 5, 20 * Minute, 0.75, false },
        { 5, 2, 8, Minute, 0.95, true },
        { 6, 0, 0, Minute, 0.8, false },
        { 7, 2, 12, 4 * Minute, 0.2, true },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task Incremental_EqualsFull_BitForBit(int seed, int groups, int groupSize, long jitter, double split, bool shuffled)
    {
        var (platform, _) = Build(seed, groups, groupSize, jitter, shuffled: shuffled);
        var run = await IncrementalRun.RunAsync(Detector(), platform, (int)(platform.EventCount * split));

        Assert.Contains("incremental:", run.Incremental.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("incremental:", run.Full.Summary, StringComparison.Ordinal);
        AssertSameOutput(run.Full, run.Incremental);
        Assert.StartsWith(run.Full.Summary, run.Incremental.Summary, StringComparison.Ordinal);
        Assert.Equal(run.Full.State, run.Incremental.State);
        Assert.Equal(1.0, run.MeanBestMatchF1());
    }

    [Theory]
    [InlineData(11, 1, 6, 2 * Minute)]
    [InlineData(12, 2, 9, 10 * Minute)]
    [InlineData(13, 3, 4, 30_000)]
    public async Task NoNewEvents_GivesThePreviousClustersAndFeatures(int seed, int groups, int groupSize, long jitter)
    {
        var (platform, _) = Build(seed, groups, groupSize, jitter);
        var run = await IncrementalRun.RunAsync(Detector(), platform, platform.EventCount);

        Assert.Contains("re-paired 0 engagements", run.Incremental.Summary, StringComparison.Ordinal);
        AssertSameOutput(run.Previous, run.Incremental);
        Assert.Equal(run.Previous.State, run.Incremental.State);
        Assert.Equal(groups, run.Incremental.Clusters.Count);
    }

    [Theory]
    [InlineData(21, 5, 2 * Minute)]
    [InlineData(22, 8, 8 * Minute)]
    [InlineData(23, 12, 30_000)]
    public async Task BotGroupActingOnlyInTheNewEvents_IsReported(int seed, int groupSize, long jitter)
    {
        // Organic traffic over days 1..21; the bots' jobs all fall in days 21..23, after the previous run.
        var botsFrom = Scenarios.Start + (21 * Day);
        var (platform, bots) = Build(seed, 1, groupSize, jitter, botsFrom: botsFrom);
        var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
        var firstBotEvent = Enumerable.Range(0, data.Events.Count).First(e => data.Events.TimestampMs[e] >= botsFrom);
        var run = await IncrementalRun.RunAsync(Detector(), platform, firstBotEvent);

        Assert.DoesNotContain(run.Previous.Clusters, c => c.Members.Intersect(bots[0]).Any());
        var found = Assert.Single(run.Incremental.Clusters, c => c.Kind == ClusterKind.Bot);
        Assert.Equal(bots[0].Order(StringComparer.Ordinal), found.Members.Order(StringComparer.Ordinal));
        Assert.Contains("incremental:", run.Incremental.Summary, StringComparison.Ordinal);
        AssertSameOutput(run.Full, run.Incremental);
    }

    public static TheoryData<string> Corruptions() => ["flipped byte", "truncated", "foreign", "empty", "other settings"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task CorruptOrForeignState_FallsBackToAFullPass(string corruption)
    {
        var (platform, _) = Build(31, 2, 6, 3 * Minute);
        var otherSettings = await StateOfAsync(new BotDetector(new BotParameters { MinSharedTargets = 4 }), platform.Prefix(platform.EventCount * 3 / 4));
        var detector = new StateRewriting(Detector(), state => corruption switch
        {
            "flipped byte" => Flip(state, state.Length / 2),
            "truncated" => state[..(state.Length - 9)],
            "foreign" => "{\"not\":\"a bot state\"}"u8.ToArray(),
            "empty" => [],
            _ => otherSettings,
        });
        var run = await IncrementalRun.RunAsync(detector, platform, platform.EventCount * 3 / 4);

        Assert.DoesNotContain("incremental:", run.Incremental.Summary, StringComparison.Ordinal);
        AssertSameOutput(run.Full, run.Incremental);
        Assert.Equal(2, run.Incremental.Clusters.Count);
    }

    [Fact]
    public async Task StateOfAnotherSplit_FallsBackToAFullPass()
    {
        var (platform, _) = Build(41, 1, 6, 2 * Minute);
        var run = await IncrementalRun.RunAsync(Detector(), platform, platform.EventCount / 2);

        // The state says the previous run read half the events; a scope claiming it read two thirds is stale.
        var states = new Dictionary<string, byte[]> { ["bots"] = run.Previous.State! };
        var stale = IncrementalScope.Create(run.Data, platform.EventCount * 2 / 3, null, null, 1, run.Previous.Clusters, states);
        var output = Detector().Run(new DetectorContext(run.Data, PlatformGraphs.Build(run.Data), AnalystSignals.None, stale), CancellationToken.None);

        Assert.DoesNotContain("incremental:", output.Summary, StringComparison.Ordinal);
        AssertSameOutput(run.Full, output);
    }

    private static async Task<byte[]> StateOfAsync(IDetector detector, TestPlatform platform)
    {
        var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
        return detector.Run(new DetectorContext(data, PlatformGraphs.Build(data), AnalystSignals.None), CancellationToken.None).State!;
    }

    private static byte[] Flip(byte[] state, int at)
    {
        var copy = (byte[])state.Clone();
        copy[at] ^= 0x5A;
        return copy;
    }

    private static void AssertSameOutput(DetectorOutput expected, DetectorOutput actual)
    {
        Assert.Equal(expected.Clusters.Count, actual.Clusters.Count);
        for (var c = 0; c < expected.Clusters.Count; c++)
        {
            var e = expected.Clusters[c];
            var a = actual.Clusters[c];
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Score, a.Score);
            Assert.Equal(e.Members, a.Members);
            Assert.Equal(e.Evidence, a.Evidence);
            Assert.Equal(e.Figures.OrderBy(f => f.Key, StringComparer.Ordinal), a.Figures.OrderBy(f => f.Key, StringComparer.Ordinal));
        }

        Assert.Equal(expected.Columns.Select(c => c.Feature.Name), actual.Columns.Select(c => c.Feature.Name));
        for (var k = 0; k < expected.Columns.Count; k++)
        {
            Assert.Equal(expected.Columns[k].Values, actual.Columns[k].Values);
        }
    }

    /// <summary>A detector whose state passes through a rewrite on its way to the next run.</summary>
    private sealed class StateRewriting(IDetector inner, Func<byte[], byte[]> rewrite) : IDetector
    {
        public string Name => inner.Name;

        public IReadOnlyList<FeatureDefinition> Features => inner.Features;

        public bool CrossReferencesOverlaps => inner.CrossReferencesOverlaps;

        public DetectorOutput Run(DetectorContext context, CancellationToken cancellationToken)
        {
            var output = inner.Run(context, cancellationToken);
            return output with { State = output.State is { } state ? rewrite(state) : null };
        }
    }
}
