using System.Text.RegularExpressions;
using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Synthetic.Tests;

/// <summary>What every point of the generator grid must give, whatever it plants: files that follow the event contract and a truth that matches them.</summary>
public sealed partial class GridInvariantTests
{
    [Theory]
    [MemberData(nameof(GeneratorGrid.Names), MemberType = typeof(GeneratorGrid))]
    public void EveryPoint_WritesEventsThatFollowTheContract(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);

        Assert.Equal("event_id,ts,type,actor,target,target_kind,value,device,ip", files.EventLines[0]);
        Assert.Equal(files.Summary.Events, files.Events.Count);
        Assert.Equal(files.Events.Count, files.Events.Select(e => e.EventId).Distinct().Count());
        for (int i = 1; i < files.Events.Count; i++)
        {
            Assert.True(files.Events[i - 1].Ts <= files.Events[i].Ts, $"{name}: row {i + 1} goes back in time");
        }

        foreach (CsvEvent e in files.Events)
        {
            Assert.True(EventTypes.IsKnown(e.Type), e.Type);
            Assert.Matches(AccountId(), e.Actor);
            switch (EventTypes.DefaultTargetKind(e.Type))
            {
                case TargetKind.Account:
                    Assert.Matches(AccountId(), e.Target);
                    Assert.NotEqual(e.Actor, e.Target);
                    break;
                case TargetKind.Content:
                    Assert.Matches(ContentId(), e.Target);
                    break;
                default:
                    Assert.Equal("", e.Target);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(GeneratorGrid.PlatformNames), MemberType = typeof(GeneratorGrid))]
    public void EveryPlatformPoint_SignsEveryAccountUpBeforeItActs_AndPostsContentBeforeItIsEngaged(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        Dictionary<string, DateTime> signedUp = files.Events.Where(e => e.Type == EventTypes.Signup).ToDictionary(e => e.Actor, e => e.Ts);
        Dictionary<string, DateTime> posted = files.Events.Where(e => e.Type == EventTypes.Post).ToDictionary(e => e.Target, e => e.Ts);

        Assert.Equal(files.Summary.Accounts, signedUp.Count);
        foreach (CsvEvent e in files.Events)
        {
            Assert.True(signedUp[e.Actor] <= e.Ts, $"{name}: {e.EventId} before {e.Actor} signed up");
            if (e.TargetKind == "content" && e.Type != EventTypes.Post)
            {
                Assert.True(posted.TryGetValue(e.Target, out DateTime at) && at <= e.Ts, $"{name}: {e.EventId} engages {e.Target} before it was posted");
            }

            Assert.Matches(DeviceId(), e.Device);
            Assert.Matches(Ipv4(), e.Ip);
        }
    }

    [Theory]
    [MemberData(nameof(GeneratorGrid.Names), MemberType = typeof(GeneratorGrid))]
    public void EveryPoint_HasATruthWhoseClustersAreDisjoint_SortedAndActive(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        var actors = files.Events.Select(e => e.Actor).ToHashSet();
        var targets = files.Events.Select(e => e.Target).ToHashSet();

        Assert.Equal(files.Clusters.Sum(c => c.Members.Count), files.TruthMembers.Count);
        Assert.Equal(files.Clusters.Count, files.Clusters.Select(c => c.Id).Distinct().Count());
        foreach (TruthCluster cluster in files.Clusters)
        {
            Assert.Contains(cluster.Kind, new[] { "ring", "bot", "farm", "block" });
            Assert.StartsWith(cluster.Kind + "-", cluster.Id, StringComparison.Ordinal);
            Assert.Equal(cluster.Members.Order(StringComparer.Ordinal), cluster.Members);
            Assert.All(cluster.Members, m => Assert.Contains(m, actors));
            Assert.False(string.IsNullOrWhiteSpace(cluster.Description));
            if (cluster.Kind == "block")
            {
                Assert.NotEmpty(cluster.Targets);
                Assert.All(cluster.Targets, t => Assert.Contains(t, targets));
            }
        }

        Assert.All(files.HardNegatives, h => Assert.DoesNotContain(h.Members, files.TruthMembers.Contains));
        Assert.Equal(files.Summary.Rings, files.OfKind("ring").Count());
        Assert.Equal(files.Summary.BotClusters, files.OfKind("bot").Count());
        Assert.Equal(files.Summary.Farms, files.OfKind("farm").Count());
        Assert.Equal(files.Summary.Blocks, files.OfKind("block").Count());
        Assert.Equal(files.Summary.HardNegatives, files.HardNegatives.Count);
    }

    [GeneratedRegex("^a[1-9][0-9]*$")]
    private static partial Regex AccountId();

    [GeneratedRegex("^c[1-9][0-9]*$")]
    private static partial Regex ContentId();

    [GeneratedRegex("^d[1-9][0-9]*$")]
    private static partial Regex DeviceId();

    [GeneratedRegex("^([0-9]{1,3}\\.){3}[0-9]{1,3}$")]
    private static partial Regex Ipv4();
}
