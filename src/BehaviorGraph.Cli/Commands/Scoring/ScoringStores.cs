using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Cli.Commands.Scoring;

/// <summary>What the scoring commands read from the analysis side of a store.</summary>
internal static class ScoringStores
{
    public static async Task<FeatureSnapshot> LatestSnapshotAsync(IBehaviorStore store, CancellationToken cancellationToken) =>
        await store.Features.GetLatestSnapshotAsync(cancellationToken)
            ?? throw new UserFacingException($"Store {store.Description} has no complete analysis run; run `bgraph analyze` first.");

    /// <summary>
    /// Account → group id for cross-validation: accounts that share any cluster (linked identity, ring or bot group),
    /// directly or through a chain of clusters, form one group, so neither shared identifiers nor shared cluster
    /// features leak across folds.
    /// </summary>
    public static async Task<Dictionary<string, string>> IdentityGroupsAsync(IBehaviorStore store, CancellationToken cancellationToken)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var cluster in await store.Clusters.ListAsync(null, 2, int.MaxValue, cancellationToken))
        {
            var root = "\u0001cluster:" + cluster.Id;
            parent.TryAdd(root, root);
            foreach (var member in cluster.Members)
            {
                parent.TryAdd(member, member);
                var a = Find(member);
                var b = Find(root);
                if (a != b)
                {
                    parent[a] = b;
                }
            }
        }

        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in parent.Keys.ToList())
        {
            groups[key] = "g:" + Find(key);
        }

        return groups;
    }

    public static async Task<IReadOnlyList<int>> ClusterSizesAsync(IBehaviorStore store, CancellationToken cancellationToken) =>
        (await store.Clusters.ListAsync(null, 1, int.MaxValue, cancellationToken)).Select(c => c.Members.Count).ToList();
}
