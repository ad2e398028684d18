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
