using System.Text.Json;

namespace BehaviorGraph.Synthetic.Tests;

[Collection(GeneratedPlatformCollection.Name)]
public sealed class TruthFileTests(GeneratedPlatform platform)
{
    [Fact]
    public void Header_RecordsSeedAccountsAndEventCount()
    {
        JsonElement root = platform.TruthRoot;

        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(GeneratedPlatform.Accounts, root.GetProperty("accounts").GetInt32());
        Assert.Equal(platform.Summary.Events, root.GetProperty("events").GetInt64());
    }

    [Fact]
    public void Clusters_AreRingsAndBotsMatchingTheSummary()
    {
        Assert.All(platform.Clusters, c => Assert.Contains(c.Kind, new[] { "ring", "bot" }));
        Assert.Equal(platform.Summary.Rings, platform.Clusters.Count(c => c.Kind == "ring"));
        Assert.Equal(platform.Summary.BotClusters, platform.Clusters.Count(c => c.Kind == "bot"));
        Assert.True(platform.Summary.Rings >= 1 && platform.Summary.BotClusters >= 1);
        Assert.Equal(platform.Clusters.Count, platform.Clusters.Select(c => c.Id).Distinct().Count());
        Assert.All(platform.Clusters, c => Assert.StartsWith(c.Kind + "-", c.Id, StringComparison.Ordinal));
        Assert.All(platform.Clusters, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
    }

    [Fact]
    public void Members_AreSortedAndWithinPlantedSizes()
    {
        foreach (TruthCluster cluster in platform.Clusters)
        {
            Assert.Equal(cluster.Members.Order(StringComparer.Ordinal), cluster.Members);
            (int min, int max) = cluster.Kind == "ring" ? (15, 60) : (20, 80);
            Assert.InRange(cluster.Members.Count, min, max);
        }
    }

    [Fact]
    public void NoAccount_IsInTwoPlantedClusters()
    {
        int total = platform.Clusters.Sum(c => c.Members.Count);

        Assert.Equal(total, platform.TruthMembers.Count);
    }

    [Fact]
    public void EveryMember_ActsInTheEvents()
    {
        var actors = platform.Events.Where(e => e.Type != "signup").Select(e => e.Actor).ToHashSet();

        Assert.All(platform.TruthMembers, member => Assert.Contains(member, actors));
    }
}
