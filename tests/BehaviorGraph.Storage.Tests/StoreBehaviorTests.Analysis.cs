using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Storage.Tests;

public abstract partial class StoreBehaviorTests
{
    private static readonly string[] FeatureNames = ["out_degree", "reports_received"];

    [SkippableFact]
    public async Task LatestSnapshot_IsNull_UntilARunCompletes()
    {
        var store = await OpenAsync();
        await store.Features.BeginRunAsync("started, never completed", CancellationToken.None);

        Assert.Null(await store.Features.GetLatestSnapshotAsync(CancellationToken.None));
        Assert.Empty(await store.Clusters.ListAsync(null, 0, 100, CancellationToken.None));
    }

    [SkippableFact]
    public async Task LatestRun_SaysHowTheRunWasComputed_FullByDefault()
    {
        var store = await OpenAsync();
        Assert.Null(await store.Features.GetLatestRunAsync(CancellationToken.None));
        var full = await store.Features.BeginRunAsync("full", CancellationToken.None);
        await store.Features.CompleteRunAsync(full, FeatureNames, [new AccountFeatureRow("alice", [1f, 0f])], [], CancellationToken.None);
        var first = await store.Features.GetLatestRunAsync(CancellationToken.None);
        Assert.Equal((full, AnalysisRunScope.FullMode), (first!.Id, first.Scope.Mode));

        var incremental = await store.Features.BeginRunAsync("incremental", CancellationToken.None);
        var scope = new AnalysisRunScope(true, full, 1234, 56, "rings: 3 communities re-split");
        await store.Features.CompleteRunAsync(incremental, scope, FeatureNames, [new AccountFeatureRow("alice", [2f, 0f])], [], CancellationToken.None);

        var latest = await store.Features.GetLatestRunAsync(CancellationToken.None);
        Assert.NotNull(latest);
        Assert.Equal(incremental, latest.Id);
        Assert.Equal(scope, latest.Scope);
    }

    [SkippableFact]
    public async Task CompleteRun_PublishesFeaturesAndClusters_AndTheLatestCompleteRunWins()
    {
        var store = await OpenAsync();
        var first = await store.Features.BeginRunAsync("first", CancellationToken.None);
        await store.Features.CompleteRunAsync(first, FeatureNames,
            [new AccountFeatureRow("bob", [1f, 0f]), new AccountFeatureRow("alice", [2.5f, 3f])],
            [Cluster("ring-1", ClusterKind.Ring, 0.9, "alice", "bob")], CancellationToken.None);
        var second = await store.Features.BeginRunAsync("second", CancellationToken.None);
        var unfinished = await store.Features.BeginRunAsync("third, still running", CancellationToken.None);
        await store.Features.CompleteRunAsync(second, FeatureNames,
            [new AccountFeatureRow("alice", [4f, 1f])], [Cluster("bot-1", ClusterKind.Bot, 0.7, "alice")], CancellationToken.None);

        var snapshot = await store.Features.GetLatestSnapshotAsync(CancellationToken.None);

        Assert.NotNull(snapshot);
        Assert.Equal(second, snapshot.RunId);
        Assert.True(unfinished > second);
        Assert.Equal(FeatureNames, snapshot.FeatureNames);
        var row = Assert.Single(snapshot.Rows);
        Assert.Equal("alice", row.Account);
        Assert.Equal([4f, 1f], row.Values);
        var cluster = Assert.Single(await store.Clusters.ListAsync(null, 0, 100, CancellationToken.None));
        Assert.Equal("bot-1", cluster.Id);
        Assert.Null(await store.Clusters.GetAsync("ring-1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Clusters_FilterByKindAndSize_OrderByScore_AndFindAnAccountsClusters()
    {
        var store = await OpenAsync();
        var run = await store.Features.BeginRunAsync("clusters", CancellationToken.None);
        await store.Features.CompleteRunAsync(run, FeatureNames, [],
            [
                Cluster("ring-a", ClusterKind.Ring, 0.5, "a1", "a2", "a3"),
                Cluster("ring-b", ClusterKind.Ring, 0.8, "a4", "a5"),
                Cluster("bot-a", ClusterKind.Bot, 0.95, "a1", "a6", "a7", "a8"),
                Cluster("id-a", ClusterKind.Identity, 0.3, "a1", "a9"),
            ],
            CancellationToken.None);

        var rings = await store.Clusters.ListAsync(ClusterKind.Ring, 0, 10, CancellationToken.None);
        var big = await store.Clusters.ListAsync(null, 3, 10, CancellationToken.None);
        var top = await store.Clusters.ListAsync(null, 0, 2, CancellationToken.None);
        var ofA1 = await store.Clusters.GetForAccountAsync("a1", CancellationToken.None);
        var bot = await store.Clusters.GetAsync("bot-a", CancellationToken.None);

        Assert.Equal(["ring-b", "ring-a"], rings.Select(c => c.Id));
        Assert.Equal(["bot-a", "ring-a"], big.Select(c => c.Id));
        Assert.Equal(["bot-a", "ring-b"], top.Select(c => c.Id));
        Assert.Equal(["bot-a", "ring-a", "id-a"], ofA1.Select(c => c.Id));
        Assert.NotNull(bot);
        Assert.Equal(["a1", "a6", "a7", "a8"], bot.Members);
        Assert.Equal("4 accounts acting in lockstep", bot.Evidence);
        Assert.Equal(4d, bot.Figures["size"]);
        Assert.Equal(ClusterKind.Bot, bot.Kind);
    }

    [SkippableFact]
    public async Task CompleteRun_RejectsRowsOfTheWrongWidth_AndPublishesNothing()
    {
        var store = await OpenAsync();
        var run = await store.Features.BeginRunAsync("bad", CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => store.Features.CompleteRunAsync(
            run, FeatureNames, [new AccountFeatureRow("alice", [1f])], [], CancellationToken.None));

        Assert.Null(await store.Features.GetLatestSnapshotAsync(CancellationToken.None));
    }

    private static DetectedCluster Cluster(string id, ClusterKind kind, double score, params string[] members) =>
        new(id, kind, score, members, kind == ClusterKind.Bot ? $"{members.Length} accounts acting in lockstep" : $"{members.Length} accounts",
            new Dictionary<string, double> { ["size"] = members.Length });
}
