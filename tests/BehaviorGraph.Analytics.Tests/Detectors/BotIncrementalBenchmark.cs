using System.Diagnostics;
using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Lockstep;
using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Bots;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Analytics.Tests.Pipeline;

namespace BehaviorGraph.Analytics.Tests.Detectors;

/// <summary>
/// A benchmark, not a timed test: with BGRAPH_BOT_BENCH set to an events.csv (<c>bgraph generate</c>), replays its
/// first 99% as the previous run, then times the incremental and the full bot pass on all of it in the same process,
/// the lockstep phases of the full run, and the state's size; the figures go to BGRAPH_BOT_BENCH_OUT (default: next
/// to the file). It asserts only that the two passes agree.
/// </summary>
public sealed class BotIncrementalBenchmark
{
    [SkippableFact]
    public async Task IncrementalAgainstFull_OnAGeneratedPlatform()
    {
        var path = Environment.GetEnvironmentVariable("BGRAPH_BOT_BENCH");
        Skip.If(string.IsNullOrEmpty(path), "set BGRAPH_BOT_BENCH to a generated events.csv to run this benchmark");
        var report = new List<string>();
        var platform = new TestPlatform();
        foreach (var line in File.ReadLines(path!).Skip(1))
        {
            var f = line.Split(',');
            var ts = DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            platform.Add(ts, f[2], f[3], f[4].Length == 0 ? null : f[4], null, f[7].Length == 0 ? null : f[7], f[8].Length == 0 ? null : f[8]);
        }

        var split = (int)(platform.EventCount * 0.99);
        var detector = new BotDetector(new BotParameters());
        var run = await IncrementalRun.RunAsync(detector, platform, split);
        report.Add($"events {platform.EventCount:N0}, previous run {split:N0}, accounts {run.Data.AccountCount:N0}");
        report.Add($"state {run.Incremental.State!.Length:N0} bytes");
        report.Add($"incremental summary: {run.Incremental.Summary}");
        report.Add($"full summary: {run.Full.Summary}");
        Assert.Equal(run.Full.State, run.Incremental.State);
        Assert.Equal(run.Full.Clusters.Select(c => string.Join(',', c.Members)), run.Incremental.Clusters.Select(c => string.Join(',', c.Members)));

        var graphs = PlatformGraphs.Build(run.Data);
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            detector.Run(new DetectorContext(run.Data, graphs, AnalystSignals.None, run.Scope), CancellationToken.None);
            var incremental = clock.Elapsed.TotalSeconds;
            clock.Restart();
            detector.Run(new DetectorContext(run.Data, graphs, AnalystSignals.None), CancellationToken.None);
            var full = clock.Elapsed.TotalSeconds;
            report.Add($"round {round}: incremental {incremental:0.000} s, full {full:0.000} s, ratio {incremental / full:0.000}");
        }

        report.Add($"full lockstep phases (s): {Phases(run.Data)}");
        var output = Environment.GetEnvironmentVariable("BGRAPH_BOT_BENCH_OUT") ?? Path.Combine(Path.GetDirectoryName(path!)!, "bot-bench.txt");
        await File.WriteAllLinesAsync(output, report);
    }

    /// <summary>Wall time of each phase of a full lockstep run, read off its progress reports.</summary>
    private static string Phases(PlatformData data)
    {
        var events = data.Events;
        var actors = new List<int>();
        var targets = new List<int>();
        var times = new List<long>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events.Target[i] >= 0 && EventTypeCodes.IsEngagement(events.Type[i]))
            {
                actors.Add(events.Actor[i]);
                targets.Add(events.Target[i]);
                times.Add(events.TimestampMs[i]);
            }
        }

        var input = new LockstepInput([.. actors], [.. targets], [.. times],
            [.. Enumerable.Range(0, data.AccountCount).Select(a => (long)a)], [.. Enumerable.Range(0, data.ContentCount + data.AccountCount).Select(t => (long)t)]);
        var marks = new List<double>();
        var clock = Stopwatch.StartNew();
        Lockstep.Run(input, new LockstepParameters { MinPairDegree = 2, MinGroupSize = 3 }, new Marks(marks, clock));
        string[] names = ["timelines+chance rates", "emit pairs", "sort", "test pairs", "groups"];
        return string.Join(", ", marks.Select((m, k) => $"{names[k]} {m - (k == 0 ? 0 : marks[k - 1]):0.000}"));
    }

    private sealed class Marks(List<double> marks, Stopwatch clock) : IProgress<double>
    {
        public void Report(double value) => marks.Add(clock.Elapsed.TotalSeconds);
    }
}
