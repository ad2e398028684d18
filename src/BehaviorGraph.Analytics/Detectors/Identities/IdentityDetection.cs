using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors.Identities;

/// <summary>
/// Linked identities and the raw identifier statistics features need: per account the devices and IPs it used and
/// the most accounts seen on any one of them (whether or not that identifier links); identifiers judged shared
/// infrastructure, the measured household limits, and identifiers linking as farms.
/// </summary>
internal sealed record IdentityDetection(
    IReadOnlyList<DetectedCluster> Clusters,
    IReadOnlyList<ClusterCandidate> Ordered,
    int[] DevicesUsed,
    int[] IpsUsed,
    int[] MaxAccountsPerDevice,
    int[] MaxAccountsPerIp,
    int DroppedDevices,
    int DroppedIps,
    int DeviceHouseholdLimit,
    int IpHouseholdLimit,
    int FarmIdentifiers);
