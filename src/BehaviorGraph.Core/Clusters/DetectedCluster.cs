namespace BehaviorGraph.Core.Clusters;

/// <summary>
/// A cluster an analysis run found: its members (account keys), a score in [0, 1], a one-line evidence summary a
/// person can read, and the evidence figures behind it (name → value) for APIs and features.
/// </summary>
public sealed record DetectedCluster(
    string Id,
    ClusterKind Kind,
    double Score,
    IReadOnlyList<string> Members,
    string Evidence,
    IReadOnlyDictionary<string, double> Figures);
