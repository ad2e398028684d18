using System.Globalization;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Cross-references clusters of detectors that find the same groups from different evidence: a spam ring whose members
/// also like each other's content within minutes is found by the ring detector and by the lockstep (bot) detector
/// alike. Each cluster that shares members with clusters of another detector says so in its evidence — with which
/// clusters and how many members, one clause per other detector — and carries the shared fraction of its members as
/// the figure <c>sharedWith{Kind}</c>, so an analyst reviews the group once. Nothing is dropped or re-scored.
/// </summary>
internal static class ClusterOverlaps
{
    /// <summary>Every detector's clusters (one list per detector), each annotated with its overlaps with the others'.</summary>
    public static List<List<DetectedCluster>> CrossReference(IReadOnlyList<IReadOnlyList<DetectedCluster>> detectors)
    {
        var owners = detectors.Select(Owners).ToList();
        var annotated = new List<List<DetectedCluster>>(detectors.Count);
        for (var i = 0; i < detectors.Count; i++)
        {
            var list = new List<DetectedCluster>(detectors[i].Count);
            foreach (var cluster in detectors[i])
            {
                var current = cluster;
                for (var j = 0; j < detectors.Count; j++)
                {
                    if (j == i)
                    {
                        continue;
                    }

                    var shared = new Dictionary<int, int>();
                    foreach (var member in cluster.Members)
                    {
                        foreach (var owner in owners[j].GetValueOrDefault(member) ?? [])
                        {
                            shared[owner] = shared.GetValueOrDefault(owner) + 1;
                        }
                    }

                    var other = detectors[j];
                    current = Annotate(current, shared.Select(s => (other[s.Key], s.Value)));
                }

                list.Add(current);
            }

            annotated.Add(list);
        }

        return annotated;
    }

    /// <summary>The clusters (by index) each member account belongs to.</summary>
    private static Dictionary<string, List<int>> Owners(IReadOnlyList<DetectedCluster> clusters)
    {
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var member in clusters[c].Members)
            {
                if (!owners.TryGetValue(member, out var list))
                {
                    owners[member] = list = [];
                }

                list.Add(c);
            }
        }

        return owners;
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
