using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Detectors;

/// <summary>
/// One detector run twice over a platform whose events arrive in two parts: fully on the first part (the previous
/// run, which leaves its state), then incrementally on everything (the new events are the second part); and, to
/// compare with, fully on everything.
/// </summary>
internal sealed record IncrementalRun(DetectorOutput Previous, DetectorOutput Incremental, DetectorOutput Full, IncrementalScope Scope, PlatformData Data)
{
    public static async Task<IncrementalRun> RunAsync(IDetector detector, TestPlatform platform, int previousEvents)
    {
        var before = platform.Prefix(previousEvents);
        var beforeData = await PlatformLoader.LoadAsync(before, before, null, CancellationToken.None);
        var previous = detector.Run(new DetectorContext(beforeData, PlatformGraphs.Build(beforeData), AnalystSignals.None), CancellationToken.None);

        var data = await PlatformLoader.LoadAsync(platform, platform, null, CancellationToken.None);
        var graphs = PlatformGraphs.Build(data);
        var states = previous.State is { } state ? new Dictionary<string, byte[]> { [detector.Name] = state } : [];
        var scope = IncrementalScope.Create(data, beforeData.Events.Count, null, null, 1, previous.Clusters, states);
        var incremental = detector.Run(new DetectorContext(data, graphs, AnalystSignals.None, scope), CancellationToken.None);
        var full = detector.Run(new DetectorContext(data, graphs, AnalystSignals.None), CancellationToken.None);
        return new IncrementalRun(previous, incremental, full, scope, data);
    }

    /// <summary>Mean over the full run's clusters of the best F1 any incremental cluster of the same kind reaches on it.</summary>
    public double MeanBestMatchF1()
    {
        if (Full.Clusters.Count == 0)
        {
            return Incremental.Clusters.Count == 0 ? 1.0 : 0.0;
        }

        return Full.Clusters.Average(f => Incremental.Clusters.Where(i => i.Kind == f.Kind).Select(i => F1(f, i)).DefaultIfEmpty(0).Max());
    }

    private static double F1(DetectedCluster a, DetectedCluster b)
    {
        var shared = a.Members.Intersect(b.Members, StringComparer.Ordinal).Count();
        return shared == 0 ? 0 : 2.0 * shared / (a.Members.Count + b.Members.Count);
    }
}
