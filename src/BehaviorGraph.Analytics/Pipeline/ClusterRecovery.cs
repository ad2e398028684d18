using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Scores detected clusters against planted ones: for each planted cluster, the detected cluster of the same kind
/// (ring ↔ Ring, bot ↔ Bot, block ↔ Block, identity or farm ↔ Identity; any kind when the planted kind is none of these) with the highest F1
/// = 2·|P∩D| / (|P| + |D|).
/// </summary>
public static class ClusterRecovery
{
    public static ClusterRecoveryReport Evaluate(IReadOnlyList<PlantedCluster> planted, IReadOnlyList<DetectedCluster> detected)
    {
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(detected);
        var byMember = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var d = 0; d < detected.Count; d++)
        {
            foreach (var member in detected[d].Members)
            {
                if (!byMember.TryGetValue(member, out var list))
                {
                    byMember.Add(member, list = []);
                }

                list.Add(d);
            }
        }

        var matches = new List<ClusterMatch>(planted.Count);
        foreach (var p in planted)
        {
            var members = p.Members.Distinct(StringComparer.Ordinal).ToList();
            var wanted = KindOf(p.Kind);
            var overlap = new Dictionary<int, int>();
            foreach (var member in members)
            {
                if (byMember.TryGetValue(member, out var clusters))
                {
                    foreach (var d in clusters)
                    {
                        if (wanted is null || detected[d].Kind == wanted)
                        {
                            overlap[d] = overlap.GetValueOrDefault(d) + 1;
                        }
                    }
                }
            }

            ClusterMatch best = new(p.Id, p.Kind, members.Count, null, 0, 0, 0, 0, 0);
            foreach (var (d, common) in overlap.OrderBy(kv => kv.Key))
            {
                var size = detected[d].Members.Count;
                var f1 = 2.0 * common / (members.Count + size);
                if (f1 > best.F1)
                {
                    best = new ClusterMatch(p.Id, p.Kind, members.Count, detected[d].Id, size, common, (double)common / size, (double)common / members.Count, f1);
                }
            }

            matches.Add(best);
        }

        return new ClusterRecoveryReport(matches, matches.Count == 0 ? 0 : matches.Average(m => m.F1));
    }

    private static ClusterKind? KindOf(string kind) => kind.ToLowerInvariant() switch
    {
        "ring" => ClusterKind.Ring,
        "bot" => ClusterKind.Bot,
        "identity" or "farm" => ClusterKind.Identity,
        "block" => ClusterKind.Block,
        _ => null,
    };
}
