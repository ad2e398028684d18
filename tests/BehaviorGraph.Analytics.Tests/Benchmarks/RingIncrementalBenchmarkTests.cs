using System.Diagnostics;
using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Louvain;
using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Rings;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Analytics.Tests.Detectors;
using BehaviorGraph.Analytics.Tests.Pipeline;
using Xunit.Abstractions;

namespace BehaviorGraph.Analytics.Tests.Benchmarks;

/// <summary>
/// Where the ring detector's time goes (Louvain vs trimming, splitting and measuring) and incremental vs full on a
/// generated events.csv split by time: set BGRAPH_RING_BENCH_EVENTS to its path (and BGRAPH_RING_BENCH_NEW to the new
/// share, default 0.01). A benchmark, not a timed test: it asserts only that both passes agree.
/// </summary>
public sealed class RingIncrementalBenchmarkTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task IncrementalVsFull_OnAGeneratedPlatform()
    {
        var path = Environment.GetEnvironmentVariable("BGRAPH_RING_BENCH_EVENTS");
        Skip.If(string.IsNullOrEmpty(path) || !File.Exists(path), "set BGRAPH_RING_BENCH_EVENTS to a generated events.csv (bgraph generate) to run the ring benchmark");
        var newShare = double.Parse(Environment.GetEnvironmentVariable("BGRAPH_RING_BENCH_NEW") ?? "0.01", CultureInfo.InvariantCulture);
        var platform = Read(path!);
        var split = (int)(platform.EventCount * (1 - newShare));
        var before = platform.Prefix(split);
        var beforeData = await PlatformLoader.LoadAsync(before, before, null, CancellationToken.None);
        var detector = new RingDetector(new RingParameters());
        var previous = detector.Run(new DetectorContext(beforeData, PlatformGraphs.Build(beforeData), AnalystSignals.None), CancellationToken.None);
        var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
        var graphs = PlatformGraphs.Build(data);
        var scope = IncrementalScope.Create(data, beforeData.Events.Count, null, null, 1, previous.Clusters, new Dictionary<string, byte[]> { ["rings"] = previous.State! });
        _ = new DetectorContext(data, graphs, AnalystSignals.None).Identifiers;

        var louvain = Stopwatch.StartNew();
        var cold = Louvain.Run(graphs.Mutual, new LouvainParameters { Weighted = false, Seed = 42 });
        louvain.Stop();
        var fullSearch = Stopwatch.StartNew();
        var fullContext = new DetectorContext(data, graphs, AnalystSignals.None);
        _ = fullContext.Identifiers;
        fullSearch.Restart();
        var full = detector.Run(fullContext, CancellationToken.None);
        fullSearch.Stop();
        var incrementalContext = new DetectorContext(data, graphs, AnalystSignals.None, scope);
        _ = incrementalContext.Identifiers;
        var incrementalTime = Stopwatch.StartNew();
        var incremental = detector.Run(incrementalContext, CancellationToken.None);
        incrementalTime.Stop();
        var warmLouvain = Stopwatch.StartNew();
        var state = RingState.TryDecode(previous.State, new RingParameters(), data.AccountCount, beforeData.Events.Count)!;
        var initial = new int[data.AccountCount];
        var movable = new bool[data.AccountCount];
        for (var u = 0; u < initial.Length; u++)
        {
            initial[u] = u < state.AccountCount && !scope.TouchedAccounts[u] ? state.Communities[u] : state.CommunityCount + u;
            if (initial[u] >= state.CommunityCount)
            {
                movable[u] = true;
                foreach (var v in graphs.Mutual.Neighbors(u))
                {
                    movable[v] = true;
                }
            }
        }

        var warm = Louvain.Run(graphs.Mutual, new LouvainParameters { Weighted = false, Seed = 42 }, new LouvainWarmStart(initial, movable), null, CancellationToken.None);
        warmLouvain.Stop();

        var f1 = new IncrementalRun(previous, incremental, full, scope, data).MeanBestMatchF1();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"{data.AccountCount:N0} accounts, {data.Events.Count:N0} events ({data.Events.Count - split:N0} new), mutual graph {graphs.Mutual.EntryCount / 2:N0} pairs, {scope.TouchedAccountCount:N0} touched\n" +
            $"cold Louvain alone {louvain.Elapsed.TotalSeconds:0.000} s (modularity {cold.Modularity:0.0000}); warm Louvain alone {warmLouvain.Elapsed.TotalSeconds:0.000} s (modularity {warm.Modularity:0.0000}, {warm.Levels[0].Moves:N0} first-level moves)\n" +
            $"full detector {fullSearch.Elapsed.TotalSeconds:0.000} s: {full.Summary}\n" +
            $"incremental detector {incrementalTime.Elapsed.TotalSeconds:0.000} s: {incremental.Summary}\n" +
            $"incremental/full {incrementalTime.Elapsed.TotalSeconds / fullSearch.Elapsed.TotalSeconds:0.000}; mean best-match F1 incremental vs full {f1:0.0000}; " +
            $"full rings {full.Clusters.Count}, incremental rings {incremental.Clusters.Count}");
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("BGRAPH_RING_BENCH_REPORT") is { Length: > 0 } reportPath)
        {
            await File.WriteAllTextAsync(reportPath, report + "\n");
        }

        Assert.Contains("incremental:", incremental.Summary, StringComparison.Ordinal);
    }

    private static TestPlatform Read(string path)
    {
        var platform = new TestPlatform();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            var ts = DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            double? value = f[6].Length == 0 ? null : double.Parse(f[6], CultureInfo.InvariantCulture);
            platform.Add(ts, f[2], f[3], f[4].Length == 0 ? null : f[4], value, f[7].Length == 0 ? null : f[7], f[8].Length == 0 ? null : f[8]);
        }

        return platform;
    }
}
