namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>Per planted cluster its best match, and the mean F1 over all planted clusters (0 when there are none).</summary>
public sealed record ClusterRecoveryReport(IReadOnlyList<ClusterMatch> Clusters, double MeanF1)
{
    public double MeanF1Of(string kind)
    {
        var matches = Clusters.Where(c => c.Kind == kind).ToList();
        return matches.Count == 0 ? 0 : matches.Average(c => c.F1);
    }
}
