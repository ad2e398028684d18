using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Scoring.Training;

/// <summary>
/// Account → group id for cross-validation: accounts that share any cluster (linked identity, ring or bot group),
/// directly or through a chain of clusters, form one group, so neither shared identifiers nor shared cluster
/// features leak across folds.
/// </summary>
public static class IdentityGroups
{
    public static async Task<Dictionary<string, string>> BuildAsync(IClusterStore clusters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clusters);
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

        foreach (var cluster in await clusters.ListAsync(null, 2, int.MaxValue, cancellationToken))
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
}
