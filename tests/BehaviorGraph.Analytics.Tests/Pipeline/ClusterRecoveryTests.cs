using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Pipeline;

public sealed class ClusterRecoveryTests
{
    [Fact]
    public void Evaluate_TakesTheBestSameKindMatchByF1_AndAveragesOverPlantedClusters()
    {
        PlantedCluster[] planted =
        [
            new("ring-a", "ring", ["a", "b", "c", "d"]),
            new("bot-a", "bot", ["x", "y"]),
        ];
        DetectedCluster[] detected =
        [
            Cluster("ring-1", ClusterKind.Ring, "a", "b", "c", "e", "f", "g"),
            Cluster("ring-2", ClusterKind.Ring, "a", "b", "c"),
            Cluster("identity-1", ClusterKind.Identity, "x", "y"),
        ];

        var report = ClusterRecovery.Evaluate(planted, detected);

        // ring-2: overlap 3, F1 = 6/7; ring-1: overlap 3, F1 = 6/10. The identity cluster may not match a bot.
        var ring = report.Clusters[0];
        Assert.Equal("ring-2", ring.MatchedId);
        Assert.Equal(6.0 / 7.0, ring.F1, 10);
        Assert.Equal(1.0, ring.Precision);
        Assert.Equal(0.75, ring.Recall);
        Assert.Null(report.Clusters[1].MatchedId);
        Assert.Equal(0, report.Clusters[1].F1);
        Assert.Equal(3.0 / 7.0, report.MeanF1, 10);
    }

    [Fact]
    public void Evaluate_MatchesKindsStrictly_FarmsToIdentityAndBlocksToBlocks()
    {
        PlantedCluster[] planted =
        [
            new("farm-1", "farm", ["f1", "f2", "f3", "f4"]),
            new("block-1", "block", ["b1", "b2", "b3"]) { Targets = ["c1", "c2"] },
        ];
        DetectedCluster[] detected =
        [
            Cluster("ring-1", ClusterKind.Ring, "f1", "f2", "f3", "f4"),
            Cluster("identity-1", ClusterKind.Identity, "f1", "f2", "f3"),
            Cluster("bot-1", ClusterKind.Bot, "b1", "b2", "b3"),
            Cluster("block-1", ClusterKind.Block, "b1", "b2"),
        ];

        var report = ClusterRecovery.Evaluate(planted, detected);

        Assert.Equal("identity-1", report.Clusters[0].MatchedId);
        Assert.Equal(6.0 / 7.0, report.Clusters[0].F1, 10);
        Assert.Equal("block-1", report.Clusters[1].MatchedId);
        Assert.Equal(0.8, report.Clusters[1].F1, 10);
        Assert.Equal(["farm", "block"], report.MeanF1ByKind.Select(k => k.Kind));
        Assert.Equal(6.0 / 7.0, report.MeanF1Of("farm"), 10);
        Assert.Equal(0.8, report.MeanF1Of("block"), 10);
    }

    [Fact]
    public void Precision_CountsReportedClustersWhoseMembersAreMoreThanHalfPlantedAbusers()
    {
        PlantedCluster[] planted =
        [
            new("ring-a", "ring", ["a", "b", "c", "d"]),
            new("bot-a", "bot", ["x", "y", "z"]),
        ];
        DetectedCluster[] detected =
        [
            Cluster("ring-1", ClusterKind.Ring, "a", "b", "c", "n1"),
            Cluster("ring-2", ClusterKind.Ring, "a", "n1", "n2", "n3"),
            Cluster("ring-3", ClusterKind.Ring, "x", "y", "n4", "n5"),
            Cluster("bot-1", ClusterKind.Bot, "x", "y", "a"),
            Cluster("identity-1", ClusterKind.Identity, "n1", "n2"),
        ];

        var report = ClusterRecovery.Evaluate(planted, detected);

        // ring-1: 3 of 4 planted (true); ring-2: 1 of 4 (false); ring-3: exactly half is not "more than half" (false).
        // bot-1: planted abusers of any kind count, so the ring member a makes it 3 of 3. Identity clusters are not judged.
        Assert.Equal(new KindPrecision(ClusterKind.Ring, 3, 1), report.PrecisionOf(ClusterKind.Ring));
        Assert.Equal(1.0 / 3.0, report.PrecisionOf(ClusterKind.Ring).Precision!.Value, 10);
        Assert.Equal(2, report.PrecisionOf(ClusterKind.Ring).False);
        Assert.Equal(1.0, report.PrecisionOf(ClusterKind.Bot).Precision);
        Assert.Null(report.PrecisionOf(ClusterKind.Block).Precision);
        Assert.Equal(2, report.FalseClusters);
        Assert.Equal(7, report.PlantedAbusers);
        Assert.DoesNotContain(report.Reported, r => r.Kind == ClusterKind.Identity);
        Assert.Equal(0.5, report.AbuserShareThreshold);
    }

    [Fact]
    public void OnAPlatformWithoutPlantedAbuse_EveryReportedClusterIsFalse_AndNamesTheHardNegativeItOverlaps()
    {
        PlantedCluster[] friends = [new("friends-1", "friends", ["p", "q", "r", "s"]), new("viral-1", "viral", ["v1", "v2", "p"])];
        DetectedCluster[] detected =
        [
            Cluster("ring-1", ClusterKind.Ring, "p", "q", "r", "t"),
            Cluster("bot-1", ClusterKind.Bot, "v1", "v2", "w"),
            Cluster("block-1", ClusterKind.Block, "k", "l"),
        ];

        var report = ClusterRecovery.Evaluate([], detected, friends);

        Assert.False(report.PlantedAbuse);
        Assert.Equal(0, report.MeanF1);
        Assert.Equal(3, report.FalseClusters);
        Assert.All(report.Precision, p => Assert.Equal(0.0, p.Precision));
        var ring = report.Reported.Single(r => r.Id == "ring-1");
        Assert.Equal(("friends-1", 0.75), (ring.HardNegativeId, ring.HardNegativeShare));
        Assert.Equal("viral-1", report.Reported.Single(r => r.Id == "bot-1").HardNegativeId);
        Assert.Null(report.Reported.Single(r => r.Id == "block-1").HardNegativeId);
    }

    [Fact]
    public void TruthFile_IsReadWithTargetsAndHardNegatives_AndRejectsANonStringMember()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {"clusters": [{"id": "block-1", "kind": "block", "members": ["a1", "a2"], "targets": ["c9"]}],
                 "hardNegatives": [{"id": "friends-1", "kind": "friends", "members": ["a3"]}]}
                """);
            var truth = ClusterTruthFile.ReadTruth(path);
            Assert.Equal(["c9"], truth.Clusters.Single().Targets);
            Assert.Equal("friends-1", truth.HardNegatives.Single().Id);

            File.WriteAllText(path, """{"clusters": [{"id": "ring-1", "kind": "ring", "members": ["a1", 7]}]}""");
            var ex = Assert.Throws<InvalidDataException>(() => ClusterTruthFile.Read(path));
            Assert.Contains("clusters entry #1 has a \"members\" value that is not a non-empty string", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TruthFile_WithoutAClustersArray_IsRejectedWithAClearMessage()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"seed\": 1}");
            var ex = Assert.Throws<InvalidDataException>(() => ClusterTruthFile.Read(path));
            Assert.Contains("no \"clusters\" array", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static DetectedCluster Cluster(string id, ClusterKind kind, params string[] members) =>
        new(id, kind, 1.0, members, string.Empty, new Dictionary<string, double>());
}
