namespace BehaviorGraph.Core.Queries;

/// <summary>The named queries every relational store answers: their names, descriptions and parameters.</summary>
public static class NamedQueries
{
    public const string AccountsSharingDevice = "accounts-sharing-device";
    public const string AccountsSharingIp = "accounts-sharing-ip";
    public const string TopRiskInCluster = "top-risk-in-cluster";
    public const string RecentQuarantine = "recent-quarantine";

    private static readonly QueryParameter Limit = new("limit", ParameterType.Integer, false, "Rows to return (1–1000).", 100, 1, 1000);

    public static NamedQuery SharingDevice { get; } = new(
        AccountsSharingDevice,
        "Accounts that acted from any device the given account acted from, with the shared device and how often the other account used it.",
        [new("account", ParameterType.String, true, "Account key."), Limit]);

    public static NamedQuery SharingIp { get; } = new(
        AccountsSharingIp,
        "Accounts that acted from any IP address the given account acted from, with the shared address.",
        [new("account", ParameterType.String, true, "Account key."), Limit]);

    public static NamedQuery TopRisk { get; } = new(
        TopRiskInCluster,
        "Members of a cluster of the latest analysis run, highest score of the latest scoring run first.",
        [new("cluster", ParameterType.String, true, "Cluster id."), Limit]);

    public static NamedQuery Quarantine { get; } = new(
        RecentQuarantine,
        "The most recently quarantined input rows with their source, line and reason.",
        [Limit]);

    public static IReadOnlyList<NamedQuery> All { get; } = [SharingDevice, SharingIp, TopRisk, Quarantine];
}
