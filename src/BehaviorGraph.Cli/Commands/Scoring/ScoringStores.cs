using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Registry;
using BehaviorGraph.Scoring.Training;

namespace BehaviorGraph.Cli.Commands.Scoring;

/// <summary>What the scoring commands read from the analysis side of a store.</summary>
internal static class ScoringStores
{
    public static async Task<FeatureSnapshot> LatestSnapshotAsync(IBehaviorStore store, CancellationToken cancellationToken) =>
        await store.Features.GetLatestSnapshotAsync(cancellationToken)
            ?? throw new UserFacingException($"Store {store.Description} has no complete analysis run; run `bgraph analyze` first.");

    /// <summary>Cross-validation groups: accounts linked through shared clusters (see <see cref="IdentityGroups"/>).</summary>
    public static Task<Dictionary<string, string>> IdentityGroupsAsync(IBehaviorStore store, CancellationToken cancellationToken) =>
        IdentityGroups.BuildAsync(store.Clusters, cancellationToken);

    /// <summary>
    /// Trains on the latest snapshot and the store's labels with the default training, evaluation and gate settings
    /// (registered; promoted when the gate passes), as the benchmarks' chains do.
    /// </summary>
    public static async Task<TrainingOutcome> TrainWithDefaultsAsync(IBehaviorStore store, CancellationToken cancellationToken)
    {
        var snapshot = await LatestSnapshotAsync(store, cancellationToken);
        var labels = await store.Labels.GetLatestAsync(cancellationToken);
        var groups = await IdentityGroupsAsync(store, cancellationToken);
        var lifecycle = new ModelLifecycle(store.Models, TrainingOptions.Default, EvaluationOptions.Default, PromotionGateOptions.Default);
        return await lifecycle.TrainAsync(snapshot, labels, a => groups.GetValueOrDefault(a), cancellationToken);
    }

    public static async Task<IReadOnlyList<int>> ClusterSizesAsync(IBehaviorStore store, CancellationToken cancellationToken) =>
        (await store.Clusters.ListAsync(null, 1, int.MaxValue, cancellationToken)).Select(c => c.Members.Count).ToList();
}
