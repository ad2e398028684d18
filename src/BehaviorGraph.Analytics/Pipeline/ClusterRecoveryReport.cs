using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Recall and precision of a run's clusters against the truth. Recall: per planted cluster its best same-kind match
/// (<see cref="Clusters"/>), the mean F1 over all of them and per planted kind. Precision: per reported kind (ring, bot,
/// block) the share of clusters whose members are more than <see cref="AbuserShareThreshold"/> planted abusers
/// (<see cref="Precision"/>); every other reported cluster of those kinds is false (<see cref="Reported"/> lists them
/// all with their purity). On a platform without planted abuse every reported cluster is false.
/// </summary>
public sealed record ClusterRecoveryReport(
    IReadOnlyList<ClusterMatch> Clusters,
    double MeanF1,
    IReadOnlyList<KindPrecision> Precision,
    IReadOnlyList<ReportedClusterPurity> Reported,
    int PlantedAbusers,
    double AbuserShareThreshold)
{
    /// <summary>The kinds whose precision is judged: identity clusters include benign households by design and are not.</summary>
    public static IReadOnlyList<ClusterKind> JudgedKinds { get; } = [ClusterKind.Ring, ClusterKind.Bot, ClusterKind.Block];

    /// <summary>Mean F1 over the planted clusters of one kind as the truth file names it (0 when there are none; see <see cref="HasPlanted"/>).</summary>
    public double MeanF1Of(string kind)
    {
        var matches = Clusters.Where(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 0 ? 0 : matches.Average(c => c.F1);
    }

    public bool HasPlanted(string kind) => Clusters.Any(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>Planted kinds in first-seen order with their count and mean F1.</summary>
    public IReadOnlyList<(string Kind, int Planted, double MeanF1)> MeanF1ByKind =>
        [.. Clusters.GroupBy(c => c.Kind.ToLowerInvariant()).Select(g => (g.Key, g.Count(), g.Average(c => c.F1)))];

    public KindPrecision PrecisionOf(ClusterKind kind) => Precision.FirstOrDefault(p => p.Kind == kind) ?? new KindPrecision(kind, 0, 0);

    /// <summary>Reported ring, bot and block clusters whose members are not mostly planted abusers.</summary>
    public int FalseClusters => Precision.Sum(p => p.False);

    public bool PlantedAbuse => Clusters.Count > 0;
}
