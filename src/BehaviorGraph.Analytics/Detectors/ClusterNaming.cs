using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Deterministic cluster ids: <c>prefix-1</c>, <c>prefix-2</c>… in order of descending score, ties broken by the
/// smallest member key (ordinal), so the same data always yields the same ids.
/// </summary>
internal static class ClusterNaming
{
    public static (IReadOnlyList<DetectedCluster> Clusters, IReadOnlyList<ClusterCandidate> Ordered) Name(
        ClusterKind kind, string prefix, IEnumerable<ClusterCandidate> candidates, string[] accountKeys, int firstNumber = 1)
    {
        var withKeys = candidates
            .Select(c => (Candidate: c, Keys: c.Members.Select(m => accountKeys[m]).Order(StringComparer.Ordinal).ToArray()))
            .OrderByDescending(x => x.Candidate.Score)
            .ThenBy(x => x.Keys.Length == 0 ? string.Empty : x.Keys[0], StringComparer.Ordinal)
            .ToList();
        var clusters = new List<DetectedCluster>(withKeys.Count);
        for (var i = 0; i < withKeys.Count; i++)
        {
            var (candidate, keys) = withKeys[i];
            clusters.Add(new DetectedCluster($"{prefix}-{i + firstNumber}", kind, Math.Round(candidate.Score, 4), keys, candidate.Evidence, candidate.Figures));
        }

        return (clusters, [.. withKeys.Select(x => x.Candidate)]);
    }
}
