namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>The devices and IPs a cluster's members share (used by at least <see cref="MinMembers"/> of them), most members first.</summary>
public sealed record ClusterIdentifiers(string Cluster, int MinMembers, int Devices, int Ips, IReadOnlyList<SharedIdentifier> Identifiers, bool Truncated);
