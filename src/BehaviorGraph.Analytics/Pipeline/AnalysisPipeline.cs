using System.Diagnostics;
using System.Globalization;
using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Features;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// One analysis run: load the store once into flat arrays and build the projections, run the graph algorithms,
/// the detectors (<see cref="AnalysisDetectors"/>: spam rings, bot clusters, engagement blocks, linked identities) and
/// the per-account features, then write the feature snapshot and the clusters to the store as one run.
/// </summary>
public static class AnalysisPipeline
{
    public static Task<AnalysisResult> RunAsync(
        IBehaviorStore store,
        AnalysisOptions options,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return RunWithSignalsAsync(store, options, progress, cancellationToken);
    }

    private static async Task<AnalysisResult> RunWithSignalsAsync(
        IBehaviorStore store, AnalysisOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        var signals = await AnalystSignalsReader.ReadAsync(store, cancellationToken);
        var previous = await store.Clusters.ListAsync(null, 0, int.MaxValue, cancellationToken);
        return await RunCoreAsync(store.Graph, store.Events, store.Features, options, signals, previous, progress, cancellationToken);
    }

    public static Task<AnalysisResult> RunAsync(
        IGraphReader graph,
        IEventLogReader events,
        IFeatureStore features,
        AnalysisOptions options,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        return RunCoreAsync(graph, events, features, options, AnalystSignals.None, [], progress, cancellationToken);
    }

    private static async Task<AnalysisResult> RunCoreAsync(
        IGraphReader graph,
        IEventLogReader events,
        IFeatureStore features,
        AnalysisOptions options,
        AnalystSignals signals,
        IReadOnlyList<DetectedCluster> previousClusters,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken)
    {
        var stages = new List<StageTiming>();
        var outcome = await AnalyzeAsync(graph, events, options, progress, stages, cancellationToken, signals);

        var clock = Begin(AnalysisStage.Write, progress);
        var clusters = ClusterContinuity.Carry(previousClusters, outcome.Clusters);
        var carried = clusters.Count(c => !c.Figures.ContainsKey(ClusterContinuity.NewFigure));
        var rows = outcome.Features.ToRows(outcome.Data.AccountKeys);
        var runId = await features.BeginRunAsync(options.Description, cancellationToken);
        await features.CompleteRunAsync(runId, AccountFeatures.Names, rows, clusters, cancellationToken);
        End(AnalysisStage.Write, clock, progress, stages, Invariant(
            $"run {runId}: {rows.Count:N0} feature rows × {AccountFeatures.Names.Count} features, {clusters.Count:N0} clusters{(previousClusters.Count == 0 ? "" : $" ({carried:N0} keep their id from the previous run's {previousClusters.Count:N0})")}"));

        return new AnalysisResult(
            runId,
            outcome.Data.AccountCount,
            outcome.Data.Events.Count,
            outcome.Data.EdgesRead,
            clusters,
            AccountFeatures.Names,
            stages);
    }

    /// <summary>Every compute stage (nothing written): load, algorithms, detectors, features.</summary>
    internal static async Task<AnalysisOutcome> AnalyzeAsync(
        IGraphReader graph,
        IEventLogReader events,
        AnalysisOptions options,
        IProgress<AnalysisProgress>? progress,
        List<StageTiming> stages,
        CancellationToken cancellationToken,
        AnalystSignals? signals = null)
    {
        signals ??= AnalystSignals.None;
        var clock = Begin(AnalysisStage.Load, progress);
        var data = await PlatformLoader.LoadAsync(graph, events, null, cancellationToken);
        if (data.AccountCount == 0)
        {
            throw new EmptyStoreException();
        }

        var graphs = PlatformGraphs.Build(data);
        End(AnalysisStage.Load, clock, progress, stages, Invariant(
            $"{data.AccountCount:N0} accounts, {data.EdgesRead:N0} edges, {data.Events.Count:N0} events; interaction graph {graphs.Interaction.EntryCount:N0} arcs, mutual graph {graphs.Mutual.EntryCount / 2:N0} pairs ({(graphs.MemoryBytes + data.Events.MemoryBytes) / 1048576.0:N0} MB in projections and events)"));

        clock = Begin(AnalysisStage.Algorithms, progress);
        var measures = FeatureBuilder.MeasureGraph(graphs, options.Features, cancellationToken);
        End(AnalysisStage.Algorithms, clock, progress, stages, Invariant(
            $"reciprocity {measures.Reciprocity.Global:0.000}, degeneracy {measures.CoreNumbers.DefaultIfEmpty().Max()}, PageRank, local clustering"));

        clock = Begin(AnalysisStage.Detectors, progress);
        var context = new DetectorContext(data, graphs, signals);
        var detectors = AnalysisDetectors.For(options);

        // Detectors only read the platform, so they run side by side: the longest (blocks, mostly one thread of peeling)
        // no longer waits for the others. Outputs stay in registration order.
        var runs = detectors.Select(detector => Task.Factory.StartNew(
            () =>
            {
                var split = Stopwatch.StartNew();
                var output = Checked(detector, detector.Run(context, cancellationToken), data.AccountCount);
                return (Output: output, Time: Invariant($"{detector.Name} {split.Elapsed.TotalSeconds:0.0} s"));
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        var finished = await Task.WhenAll(runs);
        var outputs = finished.Select(r => r.Output).ToArray();

        var clusters = Clusters(detectors, outputs);
        End(AnalysisStage.Detectors, clock, progress, stages, $"{string.Join("; ", outputs.Select(o => o.Summary))}; time side by side: {string.Join(", ", finished.Select(r => r.Time))}");

        clock = Begin(AnalysisStage.Features, progress);
        var matrix = FeatureBuilder.Build(data, graphs, measures, outputs.SelectMany(o => o.Columns), options.Features, cancellationToken);
        End(AnalysisStage.Features, clock, progress, stages, Invariant($"{AccountFeatures.All.Count} features for {matrix.Accounts:N0} accounts"));
        return new AnalysisOutcome(data, clusters, matrix);
    }

    /// <summary>
    /// Every detector's clusters in detector order; those of the detectors that cross-reference overlaps name each
    /// other's clusters sharing their members.
    /// </summary>
    private static List<DetectedCluster> Clusters(IReadOnlyList<IDetector> detectors, DetectorOutput[] outputs)
    {
        var crossed = Enumerable.Range(0, detectors.Count).Where(d => detectors[d].CrossReferencesOverlaps).ToList();
        var annotated = ClusterOverlaps.CrossReference([.. crossed.Select(d => outputs[d].Clusters)]);
        var clusters = new List<DetectedCluster>(outputs.Sum(o => o.Clusters.Count));
        for (var d = 0; d < detectors.Count; d++)
        {
            var at = crossed.IndexOf(d);
            clusters.AddRange(at >= 0 ? annotated[at] : outputs[d].Clusters);
        }

        return clusters;
    }

    /// <summary>A detector's output, once it is known to hold exactly the feature columns it declares, one value per account each.</summary>
    private static DetectorOutput Checked(IDetector detector, DetectorOutput output, int accounts)
    {
        var declared = detector.Features.Select(f => f.Name).Order(StringComparer.Ordinal);
        var given = output.Columns.Select(c => c.Feature.Name).Order(StringComparer.Ordinal);
        if (!declared.SequenceEqual(given, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"The {detector.Name} detector declares the features {string.Join(", ", detector.Features.Select(f => f.Name))} but gave {string.Join(", ", output.Columns.Select(c => c.Feature.Name))}.");
        }

        if (output.Columns.FirstOrDefault(c => c.Values.Length != accounts) is { } wrong)
        {
            throw new InvalidOperationException($"The {detector.Name} detector gave {wrong.Values.Length} values of {wrong.Feature.Name} for {accounts} accounts.");
        }

        return output;
    }

    private static Stopwatch Begin(AnalysisStage stage, IProgress<AnalysisProgress>? progress)
    {
        progress?.Report(new AnalysisProgress(stage, false, string.Empty, TimeSpan.Zero));
        return Stopwatch.StartNew();
    }

    private static void End(AnalysisStage stage, Stopwatch clock, IProgress<AnalysisProgress>? progress, List<StageTiming> stages, string summary)
    {
        stages.Add(new StageTiming(stage, clock.Elapsed, summary));
        progress?.Report(new AnalysisProgress(stage, true, summary, clock.Elapsed));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
