using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Precision of one kind of reported cluster: of <see cref="Reported"/> clusters, <see cref="MostlyPlanted"/> have more
/// than the threshold share of members who are planted abusers; the others are false clusters. <see cref="Precision"/>
/// is null when nothing of the kind was reported.
/// </summary>
public sealed record KindPrecision(ClusterKind Kind, int Reported, int MostlyPlanted)
{
    public int False => Reported - MostlyPlanted;

    public double? Precision => Reported == 0 ? null : (double)MostlyPlanted / Reported;
}
