using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Features;
using BehaviorGraph.Analytics.Pipeline.State;
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
    /// <summary>A full run that keeps no state.</summary>
    public static Task<AnalysisResult> RunAsync(
        IBehaviorStore store,
        AnalysisOptions options,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken) =>
        RunAsync(store, options, AnalysisRequest.Stateless, progress, cancellationToken);

    public static async Task<AnalysisResult> RunAsync(
        IBehaviorStore store,
        AnalysisOptions options,
        AnalysisRequest request,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        var signals = await AnalystSignalsReader.ReadAsync(store, cancellationToken);
        var previous = await store.Clusters.ListAsync(null, 0, int.MaxValue, cancellationToken);
        var latest = await store.Features.GetLatestRunAsync(cancellationToken);
        return await RunCoreAsync(store.Graph, store.Events, store.Features, options, request, latest, signals, previous, progress, cancellationToken);
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
        return RunCoreAsync(graph, events, features, options, AnalysisRequest.Stateless, null, AnalystSignals.None, [], progress, cancellationToken);
    }

    private static async Task<AnalysisResult> RunCoreAsync(
        IGraphReader graph,
        IEventLogReader events,
        IFeatureStore features,
        AnalysisOptions options,
        AnalysisRequest request,
        AnalysisRunInfo? latestRun,
        AnalystSignals signals,
        IReadOnlyList<DetectedCluster> previousClusters,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken)
    {
        var stages = new List<StageTiming>();
        var fingerprint = SettingsFingerprint(options);
        var loadClock = Begin(AnalysisStage.Load, progress);
        var (previous, fullBecause) = PreviousState(request, latestRun, fingerprint);
        var outcome = await AnalyzeAsync(graph, events, options, progress, stages, cancellationToken, signals, previous, previousClusters, loadClock);

        var clock = Begin(AnalysisStage.Write, progress);
        var clusters = ClusterContinuity.Carry(previousClusters, outcome.Clusters);
        var carried = clusters.Count(c => !c.Figures.ContainsKey(ClusterContinuity.NewFigure));
        var rows = outcome.Features.ToRows(outcome.Data.AccountKeys);
        var scope = outcome.Scope is { } s
            ? new AnalysisRunScope(true, s.PreviousRunId, outcome.Data.Events.Count - s.FirstNewEvent, s.TouchedAccountCount, outcome.Recomputed)
            : AnalysisRunScope.Full(outcome.Data.Events.Count, outcome.Data.AccountCount, outcome.FullBecause ?? fullBecause ?? "full run");
        var runId = await features.BeginRunAsync(options.Description, cancellationToken);
        await features.CompleteRunAsync(runId, scope, AccountFeatures.Names, rows, clusters, cancellationToken);
        var kept = string.Empty;
        if (request.State is { } file)
        {
            var split = Stopwatch.StartNew();
            try
            {
                file.Write(new AnalysisState(runId, fingerprint, outcome.Data, outcome.DetectorStates));
                kept = Invariant($"; state for the next run kept in {split.Elapsed.TotalSeconds:0.0} s");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The run is published; without a state matching it the next run is simply a full one.
                kept = $"; no state kept for the next run, which will be full ({ex.Message})";
            }
        }

        End(AnalysisStage.Write, clock, progress, stages, Invariant(
            $"run {runId}: {rows.Count:N0} feature rows × {AccountFeatures.Names.Count} features, {clusters.Count:N0} clusters{(previousClusters.Count == 0 ? "" : $" ({carried:N0} keep their id from the previous run's {previousClusters.Count:N0})")}{kept}"));

        return new AnalysisResult(
            runId,
            outcome.Data.AccountCount,
            outcome.Data.Events.Count,
            outcome.Data.EdgesRead,
            clusters,
            AccountFeatures.Names,
            stages)
        {
            Scope = scope,
        };
    }

    /// <summary>The previous run's state when this run may continue it, else why it runs in full.</summary>
    private static (AnalysisState? State, string? FullBecause) PreviousState(AnalysisRequest request, AnalysisRunInfo? latestRun, string fingerprint)
    {
        if (request.State is not { } file)
        {
            return (null, "no analysis state is kept for this store");
        }

        if (request.Full)
        {
            return (null, "a full run was asked for");
        }

        var (state, problem) = file.Read();
        if (state is null)
        {
            return (null, problem);
        }

        if (latestRun is null || latestRun.Id != state.RunId)
        {
            return (null, latestRun is null
                ? "the store has no complete analysis run to continue"
                : Invariant($"the analysis state is of run {state.RunId}, but the latest complete run is {latestRun.Id}"));
        }

        return state.SettingsFingerprint == fingerprint
            ? (state, null)
            : (null, Invariant($"the analysis settings changed since run {state.RunId}"));
    }

    /// <summary>Every threshold of the options, hashed: a run with other settings does not continue one with these.</summary>
    private static string SettingsFingerprint(AnalysisOptions options) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes((options with { Description = string.Empty }).ToString())))[..16];

    /// <summary>Every compute stage (nothing written): load, algorithms, detectors, features.</summary>
    internal static async Task<AnalysisOutcome> AnalyzeAsync(
        IGraphReader graph,
        IEventLogReader events,
        AnalysisOptions options,
        IProgress<AnalysisProgress>? progress,
        List<StageTiming> stages,
        CancellationToken cancellationToken,
        AnalystSignals? signals = null,
        AnalysisState? previous = null,
        IReadOnlyList<DetectedCluster>? previousClusters = null,
        Stopwatch? loadClock = null)
    {
        signals ??= AnalystSignals.None;
        var clock = loadClock ?? Begin(AnalysisStage.Load, progress);
        var load = await PlatformLoader.LoadAsync(graph, events, previous?.Data, null, cancellationToken);
        var data = load.Data;
        if (data.AccountCount == 0)
        {
            throw new EmptyStoreException();
        }

        var scope = load.Continued
            ? IncrementalScope.Create(data, load.FirstNewEvent, load.TouchedDevices, load.TouchedIps, previous!.RunId, previousClusters ?? [], previous.DetectorStates)
            : null;
        var graphs = PlatformGraphs.Build(data);
        var continued = scope is null
            ? string.Empty
            : Invariant($"; continues run {scope.PreviousRunId}: {data.Events.Count - scope.FirstNewEvent:N0} new events, {scope.TouchedAccountCount:N0} accounts touched");
        End(AnalysisStage.Load, clock, progress, stages, Invariant(
            $"{data.AccountCount:N0} accounts, {data.EdgesRead:N0} edges, {data.Events.Count:N0} events; interaction graph {graphs.Interaction.EntryCount:N0} arcs, mutual graph {graphs.Mutual.EntryCount / 2:N0} pairs ({(graphs.MemoryBytes + data.Events.MemoryBytes) / 1048576.0:N0} MB in projections and events){continued}"));

        clock = Begin(AnalysisStage.Algorithms, progress);
        var measures = FeatureBuilder.MeasureGraph(graphs, options.Features, cancellationToken);
        End(AnalysisStage.Algorithms, clock, progress, stages, Invariant(
            $"reciprocity {measures.Reciprocity.Global:0.000}, degeneracy {measures.CoreNumbers.DefaultIfEmpty().Max()}, PageRank, local clustering"));

        clock = Begin(AnalysisStage.Detectors, progress);
        var context = new DetectorContext(data, graphs, signals, scope);
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

        var states = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var d = 0; d < detectors.Count; d++)
        {
            if (outputs[d].State is { } state)
            {
                states[detectors[d].Name] = state;
            }
        }

        var recomputed = scope is null
            ? string.Empty
            : Invariant($"{data.Events.Count - scope.FirstNewEvent:N0} new events, {scope.TouchedAccountCount:N0} of {data.AccountCount:N0} accounts touched; features and graph measures of every account; ") + string.Join("; ", detectors.Select((d, i) => $"{d.Name}: {outputs[i].Summary}"));
        return new AnalysisOutcome(data, clusters, matrix)
        {
            Scope = scope,
            FullBecause = load.FullBecause,
            Recomputed = recomputed,
            DetectorStates = states,
        };
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
