using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Scoring.Training;

/// <summary>
/// Account → group id for cross-validation: accounts that share a linked identity, ring or bot cluster, directly or
/// through a chain of them, form one group, so neither shared identifiers nor shared cluster features leak across
/// folds. An engagement block groups only its members no other cluster holds: a block often spans several rings and
/// bot clusters (their members engage each other's content), and chaining through it would put separate rings into one
/// group, one fold, leaving the other folds fewer independent abusive groups to learn from.
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

        var all = await clusters.ListAsync(null, 2, int.MaxValue, cancellationToken);
        var grouped = all.Where(c => c.Kind != ClusterKind.Block).SelectMany(c => c.Members).ToHashSet(StringComparer.Ordinal);
        foreach (var cluster in all.OrderBy(c => c.Kind == ClusterKind.Block))
        {
            var root = "\u0001cluster:" + cluster.Id;
            parent.TryAdd(root, root);
            foreach (var member in cluster.Members)
            {
                if (cluster.Kind == ClusterKind.Block && grouped.Contains(member))
                {
                    continue;
                }

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
