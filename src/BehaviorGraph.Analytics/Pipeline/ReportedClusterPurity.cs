using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// One reported cluster judged against the truth: the share of its members who are planted abusers (of any kind),
/// whether that share is above the threshold, and the planted hard negative it overlaps most (so a false ring that is
/// a benign friend group says so).
/// </summary>
public sealed record ReportedClusterPurity(
    string Id,
    ClusterKind Kind,
    int Size,
    int PlantedAbusers,
    double AbuserShare,
    bool MostlyPlanted,
    string? HardNegativeId,
    double HardNegativeShare);
