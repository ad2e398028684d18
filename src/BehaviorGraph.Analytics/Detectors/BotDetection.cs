using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Bot clusters plus each account's lockstep facts for features: the size of its lockstep group (0 when none), its
/// synchrony (1 − median co-action gap / window) and the distinct targets its group shares.
/// </summary>
internal sealed record BotDetection(
    IReadOnlyList<DetectedCluster> Clusters,
    IReadOnlyList<ClusterCandidate> Ordered,
    int[] GroupSize,
    float[] Synchrony,
    int[] SharedTargets,
    int EngagementEvents,
    long BurstEventsSkipped,
    long CandidatePairs,
    long KeptPairs);
