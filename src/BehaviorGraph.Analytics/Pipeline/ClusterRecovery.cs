using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Scores detected clusters against planted ones.
/// Recall: for each planted cluster, the detected cluster of the same kind (ring ↔ Ring, bot ↔ Bot, block ↔ Block,
/// identity or farm ↔ Identity; any kind when the planted kind is none of these) with the highest
/// F1 = 2·|P∩D| / (|P| + |D|).
/// Precision: a reported ring, bot or block cluster is true when more than <see cref="DefaultAbuserShareThreshold"/>
/// of its members are planted abusers (members of any planted cluster, whatever its kind), false otherwise.
/// </summary>
public static class ClusterRecovery
{
    /// <summary>"Mostly planted abusers": strictly more than half of the members.</summary>
    public const double DefaultAbuserShareThreshold = 0.5;

    public static ClusterRecoveryReport Evaluate(IReadOnlyList<PlantedCluster> planted, IReadOnlyList<DetectedCluster> detected) =>
        Evaluate(planted, detected, [], DefaultAbuserShareThreshold);

    public static ClusterRecoveryReport Evaluate(
        IReadOnlyList<PlantedCluster> planted, IReadOnlyList<DetectedCluster> detected, IReadOnlyList<PlantedCluster> hardNegatives, double abuserShareThreshold = DefaultAbuserShareThreshold)
    {
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(hardNegatives);
        ArgumentOutOfRangeException.ThrowIfNegative(abuserShareThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(abuserShareThreshold, 1);

        var matches = Recall(planted, detected);
        var abusers = new HashSet<string>(planted.SelectMany(p => p.Members), StringComparer.Ordinal);
        var negatives = hardNegatives.Select(n => (n.Id, Members: new HashSet<string>(n.Members, StringComparer.Ordinal))).ToList();
        var reported = new List<ReportedClusterPurity>();
        foreach (var cluster in detected.Where(c => ClusterRecoveryReport.JudgedKinds.Contains(c.Kind)))
        {
            var members = cluster.Members.Distinct(StringComparer.Ordinal).ToList();
            var fromPlanted = members.Count(abusers.Contains);
            var share = members.Count == 0 ? 0 : (double)fromPlanted / members.Count;
            var (negative, negativeShare) = LargestOverlap(members, negatives);
            reported.Add(new ReportedClusterPurity(cluster.Id, cluster.Kind, members.Count, fromPlanted, share, share > abuserShareThreshold, negative, negativeShare));
        }

        var precision = ClusterRecoveryReport.JudgedKinds
            .Select(kind => new KindPrecision(kind, reported.Count(r => r.Kind == kind), reported.Count(r => r.Kind == kind && r.MostlyPlanted)))
            .ToList();
        return new ClusterRecoveryReport(matches, matches.Count == 0 ? 0 : matches.Average(m => m.F1), precision, reported, abusers.Count, abuserShareThreshold);
    }

    private static List<ClusterMatch> Recall(IReadOnlyList<PlantedCluster> planted, IReadOnlyList<DetectedCluster> detected)
    {
        var byMember = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var d = 0; d < detected.Count; d++)
        {
            foreach (var member in detected[d].Members.Distinct(StringComparer.Ordinal))
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
                var size = detected[d].Members.Distinct(StringComparer.Ordinal).Count();
                var f1 = 2.0 * common / (members.Count + size);
                if (f1 > best.F1)
                {
                    best = new ClusterMatch(p.Id, p.Kind, members.Count, detected[d].Id, size, common, (double)common / size, (double)common / members.Count, f1);
                }
            }

            matches.Add(best);
        }

        return matches;
    }

    private static (string? Id, double Share) LargestOverlap(List<string> members, List<(string Id, HashSet<string> Members)> negatives)
    {
        if (members.Count == 0 || negatives.Count == 0)
        {
            return (null, 0);
        }

        string? bestId = null;
        var best = 0;
        foreach (var negative in negatives)
        {
            var common = members.Count(negative.Members.Contains);
            if (common > best)
            {
                best = common;
                bestId = negative.Id;
            }
        }

        return (bestId, (double)best / members.Count);
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
