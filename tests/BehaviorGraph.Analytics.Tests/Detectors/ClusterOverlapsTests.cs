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

        var (annotatedRings, annotatedBots) = ClusterOverlaps.CrossReference(rings, bots);

        Assert.Equal("ring evidence; members also in bot clusters: 3 in bot-1, 1 in bot-2 (of 4)", annotatedRings[0].Evidence);
        Assert.Equal(1.0, annotatedRings[0].Figures["sharedWithBot"]);
        Assert.Same(rings[1], annotatedRings[1]);
        Assert.Equal("bot evidence; members also in ring clusters: 3 in ring-1 (of 4)", annotatedBots[0].Evidence);
        Assert.Equal(0.75, annotatedBots[0].Figures["sharedWithRing"]);
        Assert.Equal(0.5, annotatedBots[1].Figures["sharedWithRing"]);
        Assert.Equal(1.0, annotatedBots[0].Figures["size"]);
        Assert.Equal(rings.Select(r => r.Score), annotatedRings.Select(r => r.Score));
    }

    private static DetectedCluster Cluster(string id, ClusterKind kind, params string[] members) =>
        new(id, kind, 0.9, members, $"{kind.ToString().ToLowerInvariant()} evidence", new Dictionary<string, double> { ["size"] = 1 });
}
