using System.Diagnostics;
using System.Globalization;
using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Blocks;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Analytics.Features;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// One analysis run: load the store once into flat arrays and build the projections, run the graph algorithms,
/// the detectors (linked identities, spam rings, bot clusters) and the per-account features, then write the feature
/// snapshot and the clusters to the store as one run.
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
        var identifiers = new AccountIdentifiers(data);
        var engagement = EngagementGraph.Build(data, graphs);
        var split = Stopwatch.StartNew();
        var identity = IdentityDetector.Detect(data, engagement, options.Identity, cancellationToken);
        var identityTime = split.Elapsed;
        var rings = RingDetector.Detect(data, graphs, identifiers, options.Rings, cancellationToken);
        var ringTime = split.Elapsed - identityTime;
        var bots = BotDetector.Detect(data, graphs, identifiers, options.Bots, cancellationToken);
        var botTime = split.Elapsed - identityTime - ringTime;
        var blocks = EngagementBlockDetector.Detect(data, graphs, engagement, options.Blocks, cancellationToken);
        var blockTime = split.Elapsed - identityTime - ringTime - botTime;
        var surfaced = SupervisedSurfacing.Surface(rings.Unreported, data.AccountKeys, signals);
        var (surfacedRings, _) = ClusterNaming.Name(ClusterKind.Ring, "ring", surfaced, data.AccountKeys, rings.Clusters.Count + 1);
        var (ringClusters, botClusters) = ClusterOverlaps.CrossReference([.. rings.Clusters, .. surfacedRings], bots.Clusters);
        var clusters = new List<DetectedCluster>(ringClusters.Count + botClusters.Count + identity.Clusters.Count);
        clusters.AddRange(ringClusters);
        clusters.AddRange(botClusters);
        clusters.AddRange(blocks.Clusters);
        clusters.AddRange(identity.Clusters);
        End(AnalysisStage.Detectors, clock, progress, stages, Invariant(
            $"{rings.Clusters.Count} ring(s) from {rings.CommunityCount:N0} communities (modularity {rings.Modularity:0.000}), {surfacedRings.Count} more surfaced by labels or scores ({signals.Labels.Count:N0} labelled accounts, {signals.Flagged.Count:N0} flagged by the latest scoring run); {bots.Clusters.Count} bot cluster(s) from {bots.SignificantPairs:N0} lockstep pairs ({bots.TestedPairs:N0} tested of {bots.CandidatePairs:N0} co-acting); {blocks.Clusters.Count} engagement block(s) of {blocks.BlocksPeeled} peeled (bar: {blocks.Threshold:0.00} engagements above prediction per member, {options.Blocks.NullFactor:0.#}x the densest block of the shuffled graph, {blocks.NullDensity:0.00}); {identity.Clusters.Count:N0} linked-identity cluster(s) (identifiers link up to {identity.DeviceHouseholdLimit} accounts per device and {identity.IpHouseholdLimit} per IP, as households do here; {identity.FarmIdentifiers:N0} larger ones link as farms, {identity.DroppedDevices:N0} devices and {identity.DroppedIps:N0} IPs are shared infrastructure); time: identities {identityTime.TotalSeconds:0.0} s, rings {ringTime.TotalSeconds:0.0} s, bots {botTime.TotalSeconds:0.0} s, blocks {blockTime.TotalSeconds:0.0} s"));

        clock = Begin(AnalysisStage.Features, progress);
        var matrix = FeatureBuilder.Build(data, graphs, measures, identity, rings, bots, blocks, options.Features, cancellationToken);
        End(AnalysisStage.Features, clock, progress, stages, Invariant($"{AccountFeatures.All.Count} features for {matrix.Accounts:N0} accounts"));
        return new AnalysisOutcome(data, clusters, matrix);
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
