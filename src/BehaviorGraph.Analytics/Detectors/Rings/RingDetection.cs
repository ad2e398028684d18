using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors.Rings;

/// <summary>
/// Spam rings plus the community facts every account gets as features (its Louvain community's size and mutual
/// density), and the cores that did not score as rings (<see cref="Unreported"/>), with their evidence; the state the
/// next run continues from, and in an incremental pass what it recomputed (null in a full pass).
/// </summary>
internal sealed record RingDetection(
    IReadOnlyList<DetectedCluster> Clusters,
    IReadOnlyList<ClusterCandidate> Ordered,
    IReadOnlyList<ClusterCandidate> Unreported,
    int[] CommunitySize,
    float[] CommunityDensity,
    int CommunityCount,
    double Modularity,
    RingState State,
    RingIncrementalCounts? Incremental);
