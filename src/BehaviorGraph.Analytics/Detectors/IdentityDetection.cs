using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Linked identities and the raw identifier statistics features need: per account the devices and IPs it used and
/// the most accounts seen on any one of them (before the infrastructure cut-off).
/// </summary>
internal sealed record IdentityDetection(
    IReadOnlyList<DetectedCluster> Clusters,
    IReadOnlyList<ClusterCandidate> Ordered,
    int[] DevicesUsed,
    int[] IpsUsed,
    int[] MaxAccountsPerDevice,
    int[] MaxAccountsPerIp,
    int DroppedDevices,
    int DroppedIps);
