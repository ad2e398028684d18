using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Neo4j.Cypher;

/// <summary>
/// How the relational graph maps onto Neo4j. Labels and relationship types cannot be Cypher parameters, so
/// each has its own statement file, chosen here from a fixed whitelist; edge types outside it become
/// <c>INTERACTS {type}</c>.
/// </summary>
internal static class GraphModel
{
    public const string GenericRelationshipType = "INTERACTS";

    private static readonly Dictionary<string, (string RelationshipType, string Statement)> Relationships =
        new(StringComparer.Ordinal)
        {
            [EventTypes.Follow] = ("FOLLOWS", "sync/merge_follows"),
            [EventTypes.Message] = ("MESSAGES", "sync/merge_messages"),
            [EventTypes.Report] = ("REPORTS", "sync/merge_reports"),
            [EventTypes.Rate] = ("RATES", "sync/merge_rates"),
            [EventTypes.Like] = ("LIKES", "sync/merge_likes"),
            [EventTypes.Comment] = ("COMMENTS_ON", "sync/merge_comments_on"),
            [EventTypes.Share] = ("SHARES", "sync/merge_shares"),
            [EventTypes.View] = ("VIEWS", "sync/merge_views"),
            [EventTypes.Post] = ("POSTS", "sync/merge_posts"),
            [EdgeTypes.UsesDevice] = ("USES_DEVICE", "sync/merge_uses_device"),
            [EdgeTypes.UsesIp] = ("USES_IP", "sync/merge_uses_ip"),
        };

    public static IReadOnlyCollection<string> WhitelistedEdgeTypes => Relationships.Keys;

    public static string RelationshipTypeOf(string edgeType) =>
        Relationships.TryGetValue(edgeType, out var entry) ? entry.RelationshipType : GenericRelationshipType;

    public static CypherStatement MergeRelationshipsStatement(string edgeType) =>
        CypherLibrary.Get(Relationships.TryGetValue(edgeType, out var entry) ? entry.Statement : "sync/merge_interacts");

    public static string LabelOf(NodeKind kind) => kind switch
    {
        NodeKind.Account => "Account",
        NodeKind.Content => "Content",
        NodeKind.Device => "Device",
        NodeKind.Ip => "IP",
        _ => throw new InvalidDataException($"Node kind {(int)kind} has no Neo4j label."),
    };

    public static CypherStatement MergeNodesStatement(NodeKind kind) => kind switch
    {
        NodeKind.Account => CypherLibrary.Get("sync/merge_accounts"),
        NodeKind.Content => CypherLibrary.Get("sync/merge_contents"),
        NodeKind.Device => CypherLibrary.Get("sync/merge_devices"),
        NodeKind.Ip => CypherLibrary.Get("sync/merge_ips"),
        _ => throw new InvalidDataException($"Node kind {(int)kind} has no Neo4j label."),
    };

    public static IReadOnlyList<CypherStatement> SchemaStatements { get; } =
    [
        CypherLibrary.Get("schema/node_id_unique"),
        CypherLibrary.Get("schema/account_key_unique"),
        CypherLibrary.Get("schema/content_key_unique"),
        CypherLibrary.Get("schema/device_key_unique"),
        CypherLibrary.Get("schema/ip_key_unique"),
    ];
}
