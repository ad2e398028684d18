using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Neo4j.Tests.Support;

/// <summary>
/// A small hand-written graph: accounts a1..a3 share device d1, a1 and a2 like post c1, a3 follows a1,
/// a2 rates a3, and one edge of a type outside the whitelist ("gift").
/// </summary>
internal static class SampleGraph
{
    public static IReadOnlyList<GraphNode> Nodes { get; } =
    [
        new(1, NodeKind.Account, "a1", 1_000, 9_000),
        new(2, NodeKind.Account, "a2", 1_100, 9_100),
        new(3, NodeKind.Account, "a3", 1_200, 9_200),
        new(4, NodeKind.Content, "c1", 2_000, 8_000),
        new(5, NodeKind.Device, "d1", 1_000, 9_200),
        new(6, NodeKind.Ip, "10.0.0.1", 1_000, 9_200),
    ];

    public static IReadOnlyList<GraphEdge> Edges { get; } =
    [
        new(1, 4, "like", 2, 2_000, 2_500, 0),
        new(2, 4, "like", 1, 2_010, 2_010, 0),
        new(3, 1, "follow", 1, 3_000, 3_000, 0),
        new(2, 3, "rate", 2, 4_000, 4_100, 7.5),
        new(1, 5, "uses_device", 3, 1_000, 9_000, 0),
        new(2, 5, "uses_device", 1, 1_100, 1_100, 0),
        new(3, 5, "uses_device", 1, 1_200, 1_200, 0),
        new(3, 6, "uses_ip", 4, 1_200, 9_200, 0),
        new(1, 2, "gift", 1, 5_000, 5_000, 3),
    ];

    public static InMemoryGraphReader Reader() => new(Nodes, Edges);
}
