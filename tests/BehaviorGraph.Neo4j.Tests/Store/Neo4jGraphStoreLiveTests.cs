using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Reads;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Neo4j.Store;
using BehaviorGraph.Neo4j.Tests.Support;

namespace BehaviorGraph.Neo4j.Tests.Store;

/// <summary>The store against a real Neo4j (see <see cref="Neo4jLiveFixture"/>); skipped when none is reachable.</summary>
public sealed class Neo4jGraphStoreLiveTests(Neo4jLiveFixture fixture) : IClassFixture<Neo4jLiveFixture>
{
    private async Task<Neo4jGraphStore> FreshStoreAsync()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var store = Neo4jGraphStore.Create(fixture.Options!);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await store.ClearAsync(CancellationToken.None);
        return store;
    }

    [SkippableFact]
    public async Task EnsureSchema_CanRunTwice()
    {
        await using var store = await FreshStoreAsync();

        await store.EnsureSchemaAsync(CancellationToken.None);
    }

    [SkippableFact]
    public async Task Sync_ThenReadBack_GivesTheSameNodesAndEdges()
    {
        await using var store = await FreshStoreAsync();

        var result = await store.SyncAsync(SampleGraph.Reader(), null, CancellationToken.None);
        var nodes = await store.ReadNodesAsync(CancellationToken.None).ToListAsync();
        var edges = await store.ReadEdgesAsync(null, CancellationToken.None).ToListAsync();

        Assert.Equal(6, result.Nodes);
        Assert.Equal(9, result.Relationships);
        Assert.Equal(SampleGraph.Nodes.OrderBy(n => n.Id), nodes);
        Assert.Equal(SampleGraph.Edges.OrderBy(e => e.Source).ThenBy(e => e.Target).ThenBy(e => e.Type, StringComparer.Ordinal), edges);
    }

    [SkippableFact]
    public async Task ReadEdges_FiltersByType()
    {
        await using var store = await FreshStoreAsync();
        await store.SyncAsync(SampleGraph.Reader(), null, CancellationToken.None);

        var edges = await store.ReadEdgesAsync(["uses_device", "gift"], CancellationToken.None).ToListAsync();

        Assert.Equal(
            [new GraphEdge(1, 2, "gift", 1, 5_000, 5_000, 3), new GraphEdge(1, 5, "uses_device", 3, 1_000, 9_000, 0),
             new GraphEdge(2, 5, "uses_device", 1, 1_100, 1_100, 0), new GraphEdge(3, 5, "uses_device", 1, 1_200, 1_200, 0)],
            edges);
    }

    [SkippableFact]
    public async Task Resync_IsIdempotent()
    {
        await using var store = await FreshStoreAsync();
        await store.SyncAsync(SampleGraph.Reader(), null, CancellationToken.None);

        await store.SyncAsync(SampleGraph.Reader(), null, CancellationToken.None);
        var nodes = await store.ReadNodesAsync(CancellationToken.None).ToListAsync();
        var edges = await store.ReadEdgesAsync(null, CancellationToken.None).ToListAsync();

        Assert.Equal(6, nodes.Count);
        Assert.Equal(9, edges.Count);
        Assert.Equal(7.5, edges.Single(e => e.Type == "rate").ValueSum);
        Assert.Equal(3, edges.Single(e => e is { Source: 1, Type: "uses_device" }).Count);
    }

    [SkippableFact]
    public async Task WriteBack_IsVisibleToTheAnalystQueries()
    {
        await using var store = await FreshStoreAsync();
        await store.SyncAsync(SampleGraph.Reader(), null, CancellationToken.None);

        var updated = await store.WriteBackAsync(
            [
                new AccountAnnotation("a1", 0.9, "block", "m-1", ["ring-1"]),
                new AccountAnnotation("a2", 0.7, "review", "m-1", ["ring-1"]),
                new AccountAnnotation("missing", 0.1, "allow", "m-1", []),
            ],
            CancellationToken.None);
        var top = await store.RunAnalystQueryAsync(
            Neo4jAnalystQueries.TopRiskInCluster,
            new Dictionary<string, object?> { ["cluster_id"] = "ring-1", ["limit"] = 10 },
            CancellationToken.None);
        var sharing = await store.RunAnalystQueryAsync(
            Neo4jAnalystQueries.AccountsSharingDevices,
            new Dictionary<string, object?> { ["account_key"] = "a1", ["limit"] = 10 },
            CancellationToken.None);

        Assert.Equal(2, updated);
        Assert.Equal(["a1", "a2"], top.Rows.Select(r => r.GetString("account")));
        Assert.Equal(0.9, top.Rows[0].GetDouble("score"));
        Assert.Equal("block", top.Rows[0].GetString("decision"));
        Assert.Equal(["a2", "a3"], sharing.Rows.Select(r => r.GetString("account")));
        Assert.Equal(0.7, sharing.Rows[0].GetDoubleOrNull("score"));
        Assert.Null(sharing.Rows[1].GetDoubleOrNull("score"));
    }

    [SkippableFact]
    public async Task AnalystLibrary_AnswersRingsLockstepAndTwoHopQueries()
    {
        await using var store = await FreshStoreAsync();
        await store.SyncAsync(SampleGraph.Reader(), null, CancellationToken.None);
        await store.WriteBackAsync(
            [new AccountAnnotation("a1", 0.9, "block", "m-1", ["ring-1"]), new AccountAnnotation("a2", 0.7, "review", "m-1", ["ring-1"])],
            CancellationToken.None);

        var rings = await store.RunAnalystQueryAsync(
            Neo4jAnalystQueries.RingsOfAccount,
            new Dictionary<string, object?> { ["account_key"] = "a1", ["limit"] = 10 },
            CancellationToken.None);
        var lockstep = await store.RunAnalystQueryAsync(
            Neo4jAnalystQueries.LockstepPartners,
            new Dictionary<string, object?> { ["account_key"] = "a1", ["window_ms"] = 100, ["min_shared"] = 1, ["limit"] = 10 },
            CancellationToken.None);
        var twoHop = await store.RunAnalystQueryAsync(
            Neo4jAnalystQueries.TwoHopNeighbourhood,
            new Dictionary<string, object?> { ["account_key"] = "a1", ["limit"] = 100 },
            CancellationToken.None);

        var ring = Assert.Single(rings.Rows);
        Assert.Equal("ring-1", ring.GetString("cluster_id"));
        Assert.Equal(2, ring.GetInt64("size"));
        Assert.Equal(["a1", "a2"], ring.GetStringList("top_members"));
        var partner = Assert.Single(lockstep.Rows);
        Assert.Equal("a2", partner.GetString("partner"));
        Assert.Equal(1, partner.GetInt64("shared_targets"));
        Assert.Equal(
            [("a2", 1L), ("a3", 1L), ("c1", 1L), ("d1", 1L), ("10.0.0.1", 2L)],
            twoHop.Rows.Select(r => (r.GetString("key"), r.GetInt64("hops"))).OrderBy(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList());
    }

    [SkippableFact]
    public async Task Abilities_ReadTheMirroredGraph()
    {
        await using var store = await FreshStoreAsync();
        await store.SyncAsync(SampleGraph.Reader(), null, CancellationToken.None);
        var accounts = store.Require<IAccountGraphReads>();
        var sharing = store.Require<ISharedIdentifierReads>();

        var around = await accounts.GetNeighbourhoodAsync("a1", 1, 100, CancellationToken.None);
        var cut = await accounts.GetNeighbourhoodAsync("a1", 2, 2, CancellationToken.None);
        var among = await store.Require<IClusterGraphReads>().GetEdgesAmongAsync(["a1", "a2", "a3", "nobody"], 100, CancellationToken.None);

        Assert.True(await accounts.AccountExistsAsync("a1", CancellationToken.None));
        Assert.False(await accounts.AccountExistsAsync("c1", CancellationToken.None));
        Assert.Null(await accounts.GetNeighbourhoodAsync("nobody", 2, 100, CancellationToken.None));
        Assert.NotNull(around);
        Assert.False(around.Truncated);
        Assert.Equal(new NeighbourNode("a1", NodeKind.Account, 0), around.Nodes[0]);
        Assert.Equal(["a2", "a3", "c1", "d1"], around.Nodes.Skip(1).Select(n => n.Key).Order(StringComparer.Ordinal));
        Assert.Equal(new KeyedEdge("a1", NodeKind.Account, "d1", NodeKind.Device, "uses_device", 3, 1_000, 9_000), around.Edges[0]);
        Assert.Equal(["uses_device", "like", "gift", "follow"], around.Edges.Select(e => e.Type));
        Assert.NotNull(cut);
        Assert.True(cut.Truncated);
        Assert.Equal(2, cut.Edges.Count);
        Assert.False(among.Truncated);
        Assert.Equal(["a1 gift a2", "a2 rate a3", "a3 follow a1"], among.Edges.Select(e => $"{e.Source} {e.Type} {e.Target}"));
        Assert.Equal(
            [new SharedIdentifier("a2", "d1", 1), new SharedIdentifier("a3", "d1", 1)],
            await sharing.GetAccountsSharingAsync("a1", IdentifierKind.Device, 10, CancellationToken.None));
        Assert.Empty(await sharing.GetAccountsSharingAsync("a3", IdentifierKind.Ip, 10, CancellationToken.None));
    }
}
