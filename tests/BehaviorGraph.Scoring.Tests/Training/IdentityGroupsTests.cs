using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Scoring.Training;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;

namespace BehaviorGraph.Scoring.Tests.Training;

/// <summary>Cross-validation groups read from a real embedded store's latest analysis run.</summary>
public sealed class IdentityGroupsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task RingsBotsAndIdentitiesChain_ButABlockGroupsOnlyItsOtherwiseUngroupedMembers()
    {
        await using var store = await SqliteBehaviorStore.OpenAsync(_directory.File("s.db"), CancellationToken.None);
        var run = await store.Features.BeginRunAsync("test", CancellationToken.None);
        DetectedCluster Cluster(string id, ClusterKind kind, params string[] members) =>
            new(id, kind, 0.9, members, id, new Dictionary<string, double>());
        await store.Features.CompleteRunAsync(
            run,
            ["events_total"],
            [.. "r1 r2 r3 s1 s2 b1 i1 x1 x2".Split(' ').Select(a => new AccountFeatureRow(a, [1f]))],
            [
                Cluster("ring-1", ClusterKind.Ring, "r1", "r2"),
                Cluster("bot-1", ClusterKind.Bot, "r2", "r3"),
                Cluster("identity-1", ClusterKind.Identity, "r3", "i1"),
                Cluster("ring-2", ClusterKind.Ring, "s1", "s2"),
                Cluster("block-1", ClusterKind.Block, "r1", "s1", "b1", "x1"),
                Cluster("block-2", ClusterKind.Block, "x1", "x2"),
            ],
            CancellationToken.None);

        var groups = await IdentityGroups.BuildAsync(store.Clusters, CancellationToken.None);

        Assert.All(["r2", "r3", "i1"], a => Assert.Equal(groups["r1"], groups[a]));
        Assert.Equal(groups["s1"], groups["s2"]);
        Assert.NotEqual(groups["r1"], groups["s1"]);
        Assert.Equal(groups["b1"], groups["x1"]);
        Assert.Equal(groups["x1"], groups["x2"]);
        Assert.NotEqual(groups["b1"], groups["r1"]);
        Assert.NotEqual(groups["b1"], groups["s1"]);
    }

    public void Dispose() => _directory.Dispose();
}
