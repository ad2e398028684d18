using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// Engagement blocks, plus what every account gets as features: the density and score of the reported block it
/// belongs to (0 when none), and the measured bar blocks were held to.
/// </summary>
internal sealed record BlockDetection(
    IReadOnlyList<DetectedCluster> Clusters,
    IReadOnlyList<ClusterCandidate> Ordered,
    float[] BlockDensity,
    int BlocksPeeled,
    double NullDensity,
    double Threshold);
