using System.Globalization;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Cross-references two detectors' clusters: a spam ring whose members also like each other's content within
/// minutes is found by the ring detector and by the lockstep (bot) detector alike. Each cluster that shares members
/// with a cluster of the other kind says so in its evidence — with which cluster and how many members — and carries
/// the shared fraction of its members as the figure <c>sharedWith{Kind}</c>, so an analyst reviews the group once.
/// Nothing is dropped or re-scored.
/// </summary>
internal static class ClusterOverlaps
{
    public static (List<DetectedCluster> First, List<DetectedCluster> Second) CrossReference(
        IReadOnlyList<DetectedCluster> first, IReadOnlyList<DetectedCluster> second)
    {
        var clusterOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var c = 0; c < second.Count; c++)
        {
            foreach (var member in second[c].Members)
            {
                if (!clusterOf.TryGetValue(member, out var owners))
                {
                    clusterOf[member] = owners = [];
                }

                owners.Add(c);
            }
        }

        var annotatedFirst = new List<DetectedCluster>(first.Count);
        var sharedBySecond = new Dictionary<int, int>[second.Count];
        for (var c = 0; c < first.Count; c++)
        {
            var shared = new Dictionary<int, int>();
            foreach (var member in first[c].Members)
            {
                foreach (var owner in clusterOf.GetValueOrDefault(member) ?? [])
                {
                    shared[owner] = shared.GetValueOrDefault(owner) + 1;
                }
            }

            foreach (var (owner, count) in shared)
            {
                (sharedBySecond[owner] ??= [])[c] = count;
            }

            annotatedFirst.Add(Annotate(first[c], shared.Select(s => (second[s.Key], s.Value))));
        }

        var annotatedSecond = new List<DetectedCluster>(second.Count);
        for (var c = 0; c < second.Count; c++)
        {
            var shared = sharedBySecond[c] ?? [];
            annotatedSecond.Add(Annotate(second[c], shared.Select(s => (first[s.Key], s.Value))));
        }

        return (annotatedFirst, annotatedSecond);
    }

    private static DetectedCluster Annotate(DetectedCluster cluster, IEnumerable<(DetectedCluster Other, int Shared)> overlaps)
    {
        var ordered = overlaps.OrderByDescending(o => o.Shared).ThenBy(o => o.Other.Id, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            return cluster;
        }

        var kind = ordered[0].Other.Kind;
        var total = ordered.Sum(o => o.Shared);
        var text = string.Join(", ", ordered.Take(3).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Shared} in {o.Other.Id}")))
            + (ordered.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {ordered.Count - 3} more") : "");
        var figures = new Dictionary<string, double>(cluster.Figures)
        {
            ["sharedWith" + kind] = Math.Round((double)Math.Min(total, cluster.Members.Count) / cluster.Members.Count, 4),
        };
        return cluster with
        {
            Evidence = string.Create(CultureInfo.InvariantCulture,
                $"{cluster.Evidence}; members also in {kind.ToString().ToLowerInvariant()} clusters: {text} (of {cluster.Members.Count})"),
            Figures = figures,
        };
    }
}
