using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Spam rings plus the community and dense-block facts every account gets as features: its Louvain community's
/// size and mutual density, and the density of the FRAUDAR block it belongs to (0 when none).
/// </summary>
internal sealed record RingDetection(
    IReadOnlyList<DetectedCluster> Clusters,
    IReadOnlyList<ClusterCandidate> Ordered,
    int[] CommunitySize,
    float[] CommunityDensity,
    float[] DenseBlockDensity,
    int CommunityCount,
    double Modularity,
    int DenseBlocks);
