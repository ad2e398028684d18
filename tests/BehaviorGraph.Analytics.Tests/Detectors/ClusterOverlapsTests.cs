using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Detectors;

public sealed class ClusterOverlapsTests
{
    [Fact]
    public void CrossReference_NamesTheOtherKindsClustersSharingMembers_InEvidenceAndFigures()
    {
        var rings = new[] { Cluster("ring-1", ClusterKind.Ring, "a", "b", "c", "d"), Cluster("ring-2", ClusterKind.Ring, "x", "y") };
        var bots = new[] { Cluster("bot-1", ClusterKind.Bot, "a", "b", "c", "z"), Cluster("bot-2", ClusterKind.Bot, "d", "q") };

        var annotated = ClusterOverlaps.CrossReference([rings, bots]);
        var (annotatedRings, annotatedBots) = (annotated[0], annotated[1]);

        Assert.Equal("ring evidence; members also in bot clusters: 3 in bot-1, 1 in bot-2 (of 4)", annotatedRings[0].Evidence);
        Assert.Equal(1.0, annotatedRings[0].Figures["sharedWithBot"]);
        Assert.Same(rings[1], annotatedRings[1]);
        Assert.Equal("bot evidence; members also in ring clusters: 3 in ring-1 (of 4)", annotatedBots[0].Evidence);
        Assert.Equal(0.75, annotatedBots[0].Figures["sharedWithRing"]);
        Assert.Equal(0.5, annotatedBots[1].Figures["sharedWithRing"]);
        Assert.Equal(1.0, annotatedBots[0].Figures["size"]);
        Assert.Equal(rings.Select(r => r.Score), annotatedRings.Select(r => r.Score));
    }

    [Fact]
    public void CrossReference_NamesEachOtherDetectorInItsOwnClause_InDetectorOrder()
    {
        var rings = new[] { Cluster("ring-1", ClusterKind.Ring, "a", "b", "c", "d") };
        var bots = new[] { Cluster("bot-1", ClusterKind.Bot, "a", "b") };
        var blocks = new[] { Cluster("block-1", ClusterKind.Block, "c", "x"), Cluster("block-2", ClusterKind.Block, "y") };

        var annotated = ClusterOverlaps.CrossReference([rings, bots, blocks]);

        Assert.Equal("ring evidence; members also in bot clusters: 2 in bot-1 (of 4); members also in block clusters: 1 in block-1 (of 4)", annotated[0][0].Evidence);
        Assert.Equal(0.5, annotated[0][0].Figures["sharedWithBot"]);
        Assert.Equal(0.25, annotated[0][0].Figures["sharedWithBlock"]);
        Assert.Equal("bot evidence; members also in ring clusters: 2 in ring-1 (of 2)", annotated[1][0].Evidence);
        Assert.False(annotated[1][0].Figures.ContainsKey("sharedWithBlock"));
        Assert.Same(blocks[1], annotated[2][1]);
    }

    private static DetectedCluster Cluster(string id, ClusterKind kind, params string[] members) =>
        new(id, kind, 0.9, members, $"{kind.ToString().ToLowerInvariant()} evidence", new Dictionary<string, double> { ["size"] = 1 });
}
