using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Storage;
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

    public static async Task<IReadOnlyList<int>> ClusterSizesAsync(IBehaviorStore store, CancellationToken cancellationToken) =>
        (await store.Clusters.ListAsync(null, 1, int.MaxValue, cancellationToken)).Select(c => c.Members.Count).ToList();
}
