using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// Engagement blocks, plus what every account gets as features: the density and score of the reported block it
/// belongs to (0 when none), and the measured bar blocks were held to. <see cref="Baseline"/> (null when the platform
/// has no engagement to measure a bar on) and <see cref="Measurements"/> (the reported blocks, in candidate order) are
/// what the next incremental run starts from; <see cref="Work"/> says what an incremental pass recomputed.
/// </summary>
internal sealed record BlockDetection(
    IReadOnlyList<DetectedCluster> Clusters,
    IReadOnlyList<ClusterCandidate> Ordered,
    float[] BlockDensity,
    int BlocksPeeled,
    double NullDensity,
    double Threshold)
{
    public BlockBaseline? Baseline { get; init; }

    public IReadOnlyList<BlockMeasurement> Measurements { get; init; } = [];

    public BlockIncrementalWork? Work { get; init; }
}
