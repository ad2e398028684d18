using System.Globalization;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Queries;
using BehaviorGraph.Core.Reads;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Relational;
using Dapper;
using static BehaviorGraph.Storage.Tests.TestEvents;

namespace BehaviorGraph.Storage.Tests;

/// <summary>
/// The analyst reads every relational store offers as abilities: neighbourhoods, a group's internal edges, accounts
/// sharing an identifier and the named queries, over <see cref="TestEvents.First"/> plus erin, who logs in from
/// alice's device d1 and from 10.0.0.1 (alice's and carol's IP).
/// </summary>
public abstract partial class StoreBehaviorTests
{
    /// <summary>A read-only session at the most recent location, as the stores' analyst reads open one.</summary>
    protected abstract Task<ReadOnlySession> OpenReadOnlySessionAsync();

    [SkippableFact]
    public async Task RelationalStore_OffersEveryAnalystReadAbility()
    {
        var store = await OpenAsync();

        Assert.True(store.Has<IAccountGraphReads>());
        Assert.True(store.Has<IClusterGraphReads>());
        Assert.True(store.Has<ISharedIdentifierReads>());
        Assert.Equal(NamedQueries.All, store.Require<INamedQueries>().Queries);
    }

    [SkippableFact]
    public async Task AccountExists_OnlyForAccounts()
    {
        var reads = (await OpenWithErinAsync()).Require<IAccountGraphReads>();

        Assert.True(await reads.AccountExistsAsync("alice", CancellationToken.None));
        Assert.True(await reads.AccountExistsAsync("erin", CancellationToken.None));
        Assert.False(await reads.AccountExistsAsync("post1", CancellationToken.None));
        Assert.False(await reads.AccountExistsAsync("d1", CancellationToken.None));
        Assert.False(await reads.AccountExistsAsync("nobody", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Neighbourhood_OneHop_IsEveryEdgeOfTheAccount_HeaviestFirst()
    {
        var reads = (await OpenWithErinAsync()).Require<IAccountGraphReads>();

        var around = await reads.GetNeighbourhoodAsync("alice", 1, 100, CancellationToken.None);

        Assert.NotNull(around);
        Assert.Equal(("alice", 1, false), (around.Account, around.Depth, around.Truncated));
        Assert.Equal(new NeighbourNode("alice", NodeKind.Account, 0), around.Nodes[0]);
        Assert.Equal(
            ["account:bob:1", "content:post1:1", "device:d1:1", "ip:10.0.0.1:1"],
            around.Nodes.Skip(1).Select(n => $"{n.Kind.ToString().ToLowerInvariant()}:{n.Key}:{n.Hop}").Order(StringComparer.Ordinal));
        Assert.Equal(new KeyedEdge("alice", NodeKind.Account, "d1", NodeKind.Device, EdgeTypes.UsesDevice, 2, 1000, 2000), around.Edges[0]);
        Assert.Equal(
            ["alice follow bob", "alice like post1", "alice rate bob", "alice uses_device d1", "alice uses_ip 10.0.0.1"],
            around.Edges.Select(e => $"{e.Source} {e.Type} {e.Target}").Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Neighbourhood_TwoHops_ReachesWhoSharesANodeWithTheAccount()
    {
        var reads = (await OpenWithErinAsync()).Require<IAccountGraphReads>();

        var around = await reads.GetNeighbourhoodAsync("alice", 2, 100, CancellationToken.None);

        Assert.NotNull(around);
        Assert.False(around.Truncated);
        Assert.Equal(
            ["10.0.0.2", "carol", "d2", "erin"],
            around.Nodes.Where(n => n.Hop == 2).Select(n => n.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            around.Nodes.OrderBy(n => n.Hop).Select(n => n.Hop),
            around.Nodes.Select(n => n.Hop));
        // Every edge of the test graph is within two hops of alice: 9 from First and erin's two.
        Assert.Equal(11, around.Edges.Count);
        Assert.Equal(around.Edges.Count, around.Edges.Distinct().Count());
    }

    [SkippableFact]
    public async Task Neighbourhood_StopsAtTheEdgeLimit_SaysSo_AndIsNullForAnUnknownAccount()
    {
        var reads = (await OpenWithErinAsync()).Require<IAccountGraphReads>();

        var cut = await reads.GetNeighbourhoodAsync("alice", 2, 3, CancellationToken.None);
        var exact = await reads.GetNeighbourhoodAsync("alice", 1, 5, CancellationToken.None);

        Assert.NotNull(cut);
        Assert.True(cut.Truncated);
        Assert.Equal(3, cut.Edges.Count);
        Assert.Equal(EdgeTypes.UsesDevice, cut.Edges[0].Type);
        Assert.All(cut.Nodes, n => Assert.True(n.Hop <= 1));
        Assert.NotNull(exact);
        Assert.Equal(5, exact.Edges.Count);
        Assert.False(exact.Truncated);
        Assert.Null(await reads.GetNeighbourhoodAsync("nobody", 2, 100, CancellationToken.None));
        Assert.Null(await reads.GetNeighbourhoodAsync("post1", 2, 100, CancellationToken.None));
    }

    [SkippableFact]
    public async Task EdgesAmong_KeepsOnlyEdgesWithBothEndsInTheGroup_UpToTheLimit()
    {
        var reads = (await OpenWithErinAsync()).Require<IClusterGraphReads>();

        var all = await reads.GetEdgesAmongAsync(["alice", "bob", "carol", "nobody"], 100, CancellationToken.None);
        var two = await reads.GetEdgesAmongAsync(["alice", "bob", "carol"], 2, CancellationToken.None);
        var none = await reads.GetEdgesAmongAsync(["alice", "erin"], 100, CancellationToken.None);

        Assert.False(all.Truncated);
        Assert.Equal(
            [
                new KeyedEdge("alice", NodeKind.Account, "bob", NodeKind.Account, EventTypes.Follow, 1, 1000, 1000),
                new KeyedEdge("alice", NodeKind.Account, "bob", NodeKind.Account, EventTypes.Rate, 1, 2000, 2000),
                new KeyedEdge("carol", NodeKind.Account, "bob", NodeKind.Account, EventTypes.Follow, 1, 1500, 1500),
            ],
            all.Edges.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal));
        Assert.True(two.Truncated);
        Assert.Equal(2, two.Edges.Count);
        Assert.Empty(none.Edges);
        Assert.False(none.Truncated);
    }

    [SkippableFact]
    public async Task AccountsSharing_ADeviceOrAnIp_NameTheIdentifierAndTheOthersEvents()
    {
        var reads = (await OpenWithErinAsync()).Require<ISharedIdentifierReads>();

        var aliceDevice = await reads.GetAccountsSharingAsync("alice", IdentifierKind.Device, 100, CancellationToken.None);
        var erinDevice = await reads.GetAccountsSharingAsync("erin", IdentifierKind.Device, 100, CancellationToken.None);
        var aliceIp = await reads.GetAccountsSharingAsync("alice", IdentifierKind.Ip, 100, CancellationToken.None);
        var aliceIpFirst = await reads.GetAccountsSharingAsync("alice", IdentifierKind.Ip, 1, CancellationToken.None);

        Assert.Equal([new SharedIdentifier("erin", "d1", 1)], aliceDevice);
        Assert.Equal([new SharedIdentifier("alice", "d1", 2)], erinDevice);
        Assert.Equal([new SharedIdentifier("carol", "10.0.0.1", 1), new SharedIdentifier("erin", "10.0.0.1", 1)], aliceIp);
        Assert.Equal([new SharedIdentifier("carol", "10.0.0.1", 1)], aliceIpFirst);
        Assert.Empty(await reads.GetAccountsSharingAsync("bob", IdentifierKind.Device, 100, CancellationToken.None));
        Assert.Empty(await reads.GetAccountsSharingAsync("nobody", IdentifierKind.Ip, 100, CancellationToken.None));
    }

    [SkippableFact]
    public async Task NamedQueries_SharingDeviceAndIp_AnswerAsTheAbilityDoes()
    {
        var queries = (await OpenWithErinAsync()).Require<INamedQueries>();

        var device = await queries.RunAsync(NamedQueries.SharingDevice, new Dictionary<string, object> { ["account"] = "alice", ["limit"] = 10L }, CancellationToken.None);
        var ip = await queries.RunAsync(NamedQueries.SharingIp, new Dictionary<string, object> { ["account"] = "alice", ["limit"] = 10L }, CancellationToken.None);

        var row = Assert.Single(device);
        Assert.Equal(("erin", "d1", 1L), ((string)row["account"]!, (string)row["device"]!, Convert.ToInt64(row["events"], CultureInfo.InvariantCulture)));
        Assert.Equal(["carol", "erin"], ip.Select(r => (string)r["account"]!));
        Assert.All(ip, r => Assert.Equal("10.0.0.1", r["ip"]));
    }

    [SkippableFact]
    public async Task NamedQuery_TopRiskInCluster_ReadsTheLatestCompleteAnalysisRun_AndTheLatestPublishedScores()
    {
        var store = await OpenAsync();
        var older = await store.Features.BeginRunAsync("older", CancellationToken.None);
        await store.Features.CompleteRunAsync(older, FeatureNames, [], [Cluster("ring-1", ClusterKind.Ring, 0.9, "alice", "bob")], CancellationToken.None);
        var latest = await store.Features.BeginRunAsync("latest", CancellationToken.None);
        await store.Features.CompleteRunAsync(latest, FeatureNames, [], [Cluster("ring-1", ClusterKind.Ring, 0.8, "alice", "carol", "dave")], CancellationToken.None);
        await store.Features.BeginRunAsync("still running", CancellationToken.None);
        var firstScores = await store.Scores.BeginRunAsync("m-1", latest, DecisionThresholds.Default, CancellationToken.None);
        await store.Scores.PublishAsync(firstScores, [Score("alice", 0.95, firstScores), Score("bob", 0.9, firstScores), Score("carol", 0.1, firstScores)], CancellationToken.None);
        var secondScores = await store.Scores.BeginRunAsync("m-2", latest, DecisionThresholds.Default, CancellationToken.None);
        await store.Scores.PublishAsync(secondScores, [Score("alice", 0.2, secondScores), Score("carol", 0.7, secondScores)], CancellationToken.None);
        await store.Scores.BeginRunAsync("m-3", latest, DecisionThresholds.Default, CancellationToken.None);
        var queries = store.Require<INamedQueries>();

        var rows = await queries.RunAsync(NamedQueries.TopRisk, new Dictionary<string, object> { ["cluster"] = "ring-1", ["limit"] = 10L }, CancellationToken.None);
        var top = await queries.RunAsync(NamedQueries.TopRisk, new Dictionary<string, object> { ["cluster"] = "ring-1", ["limit"] = 1L }, CancellationToken.None);
        var unknown = await queries.RunAsync(NamedQueries.TopRisk, new Dictionary<string, object> { ["cluster"] = "ring-9", ["limit"] = 10L }, CancellationToken.None);

        // dave is a member without a score; bob is a member in the older analysis run only.
        Assert.Equal(
            [("carol", 0.7), ("alice", 0.2)],
            rows.Select(r => ((string)r["account"]!, Math.Round(Convert.ToDouble(r["score"], CultureInfo.InvariantCulture), 6))));
        Assert.Equal(["carol"], top.Select(r => (string)r["account"]!));
        Assert.Empty(unknown);
    }

    [SkippableFact]
    public async Task NamedQuery_RecentQuarantine_ListsTheNewestRowsWithTheirSourceLineAndReason()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(
            Batch("h1", 7, First, new QuarantinedRow(3, "bad timestamp", "e9,yesterday,login,zoe"), new QuarantinedRow(7, "missing actor", "e10,1000,login,")),
            CancellationToken.None);

        var rows = await store.Require<INamedQueries>().RunAsync(NamedQueries.Quarantine, new Dictionary<string, object> { ["limit"] = 10L }, CancellationToken.None);
        var one = await store.Require<INamedQueries>().RunAsync(NamedQueries.Quarantine, new Dictionary<string, object> { ["limit"] = 1L }, CancellationToken.None);

        Assert.Equal(
            [("h1.csv", 3L, "bad timestamp", "e9,yesterday,login,zoe"), ("h1.csv", 7L, "missing actor", "e10,1000,login,")],
            rows.Select(r => ((string)r["source"]!, Convert.ToInt64(r["line"], CultureInfo.InvariantCulture), (string)r["reason"]!, (string)r["raw"]!)));
        Assert.All(rows, r => Assert.True(Convert.ToInt64(r["quarantinedAtMs"], CultureInfo.InvariantCulture) > 0));
        Assert.Single(one);
    }

    [SkippableFact]
    public async Task ReadOnlySession_RefusesToWrite_AndLeavesTheStoreUnchanged()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);

        await using (var session = await OpenReadOnlySessionAsync())
        {
            Assert.Equal(3L, await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM nodes WHERE kind = 1", transaction: session.Transaction)));
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => session.Connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM nodes", transaction: session.Transaction)));
        }

        Assert.Equal(3, (await GraphSnapshot.ReadAsync(store)).Nodes.Keys.Count(n => n.StartsWith("account:", StringComparison.Ordinal)));
    }

    private async Task<IBehaviorStore> OpenWithErinAsync()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        await store.Ingest.WriteBatchAsync(Batch("h2", 1, [Event("e8", 5000, EventTypes.Login, "erin", device: "d1", ip: "10.0.0.1")]), CancellationToken.None);
        return store;
    }

    private static AccountScore Score(string account, double score, long runId) =>
        new(account, score, DecisionThresholds.Default.Decide(score), [], "m", runId, T0);
}
