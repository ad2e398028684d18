using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Cli.Commands.Scoring;

/// <summary>
/// The analytics stores the scoring commands read. IBehaviorStore does not expose them yet; until it does, they are
/// found as the store itself or as one of its public properties (replace with <c>store.Features</c> / <c>store.Clusters</c>).
/// </summary>
internal static class ScoringStores
{
    public static async Task<FeatureSnapshot> LatestSnapshotAsync(IBehaviorStore store, CancellationToken cancellationToken)
    {
        var features = Find<IFeatureStore>(store)
            ?? throw new UserFacingException($"Store {store.Description} keeps no feature snapshots in this version; scoring needs `bgraph analyze` first.");
        return await features.GetLatestSnapshotAsync(cancellationToken)
            ?? throw new UserFacingException($"Store {store.Description} has no complete analysis run; run `bgraph analyze` first.");
    }

    public static IClusterStore? Clusters(IBehaviorStore store) => Find<IClusterStore>(store);

    /// <summary>Account → identity-cluster id, so cross-validation keeps linked accounts in one fold; empty without clusters.</summary>
    public static async Task<Dictionary<string, string>> IdentityGroupsAsync(IBehaviorStore store, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Clusters(store) is not { } clusters)
        {
            return groups;
        }

        foreach (var cluster in await clusters.ListAsync(ClusterKind.Identity, 2, int.MaxValue, cancellationToken))
        {
            foreach (var member in cluster.Members)
            {
                groups.TryAdd(member, cluster.Id);
            }
        }

        return groups;
    }

    public static async Task<IReadOnlyList<int>> ClusterSizesAsync(IBehaviorStore store, CancellationToken cancellationToken) =>
        Clusters(store) is { } clusters
            ? (await clusters.ListAsync(null, 1, int.MaxValue, cancellationToken)).Select(c => c.Members.Count).ToList()
            : [];

    private static T? Find<T>(IBehaviorStore store)
        where T : class =>
        store as T ?? store.GetType().GetProperties()
            .Where(p => typeof(T).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0)
            .Select(p => p.GetValue(store))
            .OfType<T>()
            .FirstOrDefault();
}
