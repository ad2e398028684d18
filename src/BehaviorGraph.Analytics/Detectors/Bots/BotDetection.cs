using BehaviorGraph.Analytics.Algorithms.Lockstep;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors.Bots;

/// <summary>
/// Bot clusters plus the lockstep facts every account gets as features (group size, synchrony, shared targets; 0 when
/// in no group) and the counts behind them: engagement events read, engagements whose pairing a flooded window cut
/// short, pairs that co-acted at all, pairs tested, pairs called lockstep; what the next run carries, and in an incremental
/// run what it re-examined (null in a full run).
/// </summary>
internal sealed record BotDetection(
    IReadOnlyList<DetectedCluster> Clusters,
    IReadOnlyList<ClusterCandidate> Ordered,
    int[] GroupSize,
    float[] Synchrony,
    int[] SharedTargets,
    int EngagementEvents,
    long FloodedEvents,
    long CandidatePairs,
    long TestedPairs,
    long SignificantPairs,
    BotState State,
    LockstepIncrementalCounts? Incremental);
