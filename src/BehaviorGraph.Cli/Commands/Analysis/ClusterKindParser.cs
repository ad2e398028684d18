using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Cli.Commands.Analysis;

internal static class ClusterKindParser
{
    public static ClusterKind? Parse(string? kind) => kind?.ToLowerInvariant() switch
    {
        null or "" => null,
        "ring" => ClusterKind.Ring,
        "bot" => ClusterKind.Bot,
        "identity" => ClusterKind.Identity,
        "block" => ClusterKind.Block,
        _ => throw new UserFacingException($"--kind must be ring, bot, block or identity (got '{kind}')."),
    };

    public static string Name(ClusterKind kind) => kind.ToString().ToLowerInvariant();

    public static object ToJson(DetectedCluster cluster) => new
    {
        id = cluster.Id,
        kind = Name(cluster.Kind),
        score = cluster.Score,
        members = cluster.Members,
        evidence = cluster.Evidence,
    };
}
