using System.Collections;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Reads;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Neo4j.Client;
using BehaviorGraph.Neo4j.Cypher;
using BehaviorGraph.Neo4j.Store;
using BehaviorGraph.Neo4j.Tests.Support;

namespace BehaviorGraph.Neo4j.Tests.Store;

/// <summary>What the store asks Neo4j to do, checked without a server (see Neo4jGraphStoreLiveTests for a real one).</summary>
public sealed class Neo4jGraphStoreTests
{
    private static string Merged(CypherQuery query) =>
        $$"""{"data":{"fields":["merged"],"values":[[{{RecordingCypherRunner.RowCount(query)}}]]},"bookmarks":["FB:w"]}""";

    private static Neo4jGraphStore Store(ICypherRunner runner, int batchSize) =>
        Neo4jGraphStore.Create(runner, new Neo4jOptions { BatchSize = batchSize });

    private static string NameOf(CypherQuery query) =>
        CypherLibrary.Statements.Single(s => s.Value.Text == query.Statement).Key;

    [Fact]
    public async Task SyncAsync_WritesAllNodesFirst_ThenRelationshipsPerTypeStatement_InBatches()
    {
        var runner = new RecordingCypherRunner(Merged);
        var progress = new List<GraphSyncProgress>();

        var result = await Store(runner, batchSize: 2).SyncAsync(SampleGraph.Reader(), new SyncProgress(progress), CancellationToken.None);

        var names = runner.Queries.Select(NameOf).ToList();
        var lastNode = names.FindLastIndex(n => n is "sync/merge_accounts" or "sync/merge_contents" or "sync/merge_devices" or "sync/merge_ips");
        var firstRelationship = names.FindIndex(n => n.StartsWith("sync/merge_", StringComparison.Ordinal) && n is not ("sync/merge_accounts" or "sync/merge_contents" or "sync/merge_devices" or "sync/merge_ips"));
        Assert.True(lastNode < firstRelationship, string.Join(", ", names));
        Assert.Equal(2, names.Count(n => n == "sync/merge_accounts"));
        Assert.Equal(2, names.Count(n => n == "sync/merge_uses_device"));
        Assert.Single(names, n => n == "sync/merge_interacts");
        Assert.All(runner.Queries, q => Assert.InRange(RecordingCypherRunner.RowCount(q), 1, 2));
        Assert.All(runner.Queries, q => Assert.Equal(CypherAccessMode.Write, q.AccessMode));
        Assert.Equal(6, result.Nodes);
        Assert.Equal(9, result.Relationships);
        Assert.Equal(0, result.SkippedRelationships);
        Assert.Equal(runner.Queries.Count, result.Statements);
        Assert.Equal(3, result.RelationshipsByType["uses_device"]);
        Assert.Equal(1, result.RelationshipsByType["gift"]);
        Assert.Equal(new GraphSyncProgress("relationships", 6, 9), progress[^1]);
    }

    [Fact]
    public async Task SyncAsync_SendsAbsoluteEdgeValues_AndTheOriginalTypeForUnknownTypes()
    {
        var runner = new RecordingCypherRunner(Merged);

        await Store(runner, batchSize: 100).SyncAsync(SampleGraph.Reader(), null, CancellationToken.None);

        var gift = runner.Queries.Single(q => NameOf(q) == "sync/merge_interacts");
        var row = Assert.IsType<Dictionary<string, object?>>(Assert.Single((IList)gift.Parameters["rows"]!));
        Assert.Equal(1L, row["source"]);
        Assert.Equal(2L, row["target"]);
        Assert.Equal("gift", row["type"]);
        Assert.Equal(1L, row["count"]);
        Assert.Equal(5_000L, row["first_seen"]);
        Assert.Equal(5_000L, row["last_seen"]);
        Assert.Equal(3.0, row["value_sum"]);
    }

    [Fact]
    public async Task SyncAsync_CountsRelationshipsWhoseEndsAreMissing_AsSkipped()
    {
        var runner = new RecordingCypherRunner(q =>
            NameOf(q) == "sync/merge_likes"
                ? """{"data":{"fields":["merged"],"values":[[1]]}}"""
                : Merged(q));

        var result = await Store(runner, batchSize: 100).SyncAsync(SampleGraph.Reader(), null, CancellationToken.None);

        Assert.Equal(1, result.SkippedRelationships);
        Assert.Equal(8, result.Relationships);
    }

    [Fact]
    public async Task ReadNodesAsync_PagesByLastId_UntilAShortPage_PassingWriteBookmarks()
    {
        var pages = new Queue<string>(
        [
            """{"data":{"fields":["id","kind","key","first_seen","last_seen"],"values":[[1,1,"a1",10,20],[4,2,"c1",11,21]]}}""",
            """{"data":{"fields":["id","kind","key","first_seen","last_seen"],"values":[[9,4,"1.2.3.4",12,22]]}}""",
        ]);
        var runner = new RecordingCypherRunner(q => NameOf(q) == "export/read_nodes" ? pages.Dequeue() : Merged(q));
        var store = Store(runner, batchSize: 2);
        await store.SyncAsync(new InMemoryGraphReader([new GraphNode(1, NodeKind.Account, "a1", 10, 20)], []), null, CancellationToken.None);

        var nodes = await store.ReadNodesAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(
            [new GraphNode(1, NodeKind.Account, "a1", 10, 20), new GraphNode(4, NodeKind.Content, "c1", 11, 21), new GraphNode(9, NodeKind.Ip, "1.2.3.4", 12, 22)],
            nodes);
        var reads = runner.Queries.Where(q => NameOf(q) == "export/read_nodes").ToList();
        Assert.Equal(2, reads.Count);
        Assert.Equal(long.MinValue, reads[0].Parameters["after"]);
        Assert.Equal(4L, reads[1].Parameters["after"]);
        Assert.All(reads, q => Assert.Equal(CypherAccessMode.Read, q.AccessMode));
        Assert.All(reads, q => Assert.Equal(["FB:w"], q.Bookmarks!));
    }

    [Fact]
    public async Task ReadEdgesAsync_PagesBySourceTargetType_AndPassesTheTypeFilter()
    {
        var pages = new Queue<string>(
        [
            """{"data":{"fields":["source","target","type","count","first_seen","last_seen","value_sum"],"values":[[1,4,"like",2,2000,2500,0.0],[2,3,"rate",2,4000,4100,7.5]]}}""",
            """{"data":{"fields":["source","target","type","count","first_seen","last_seen","value_sum"],"values":[]}}""",
        ]);
        var runner = new RecordingCypherRunner(_ => pages.Dequeue());

        var edges = await Store(runner, batchSize: 2).ReadEdgesAsync(["like", "rate"], CancellationToken.None).ToListAsync();

        Assert.Equal([new GraphEdge(1, 4, "like", 2, 2000, 2500, 0), new GraphEdge(2, 3, "rate", 2, 4000, 4100, 7.5)], edges);
        Assert.Equal(2, runner.Queries.Count);
        Assert.Equal(["like", "rate"], Assert.IsType<List<string>>(runner.Queries[0].Parameters["types"]));
        Assert.Equal(2L, runner.Queries[1].Parameters["after_source"]);
        Assert.Equal(3L, runner.Queries[1].Parameters["after_target"]);
        Assert.Equal("rate", runner.Queries[1].Parameters["after_type"]);
    }

    [Fact]
    public async Task ReadNodesAsync_ExplainsANodeWithoutAKnownLabel()
    {
        var runner = new RecordingCypherRunner(_ => """{"data":{"fields":["id","kind","key","first_seen","last_seen"],"values":[[7,null,"x",1,2]]}}""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await Store(runner, batchSize: 10).ReadNodesAsync(CancellationToken.None).ToListAsync());

        Assert.Contains("id 7", error.Message);
    }

    [Fact]
    public void Store_IsNoEventLogReader_TheEventLogStaysRelational()
    {
        var store = Store(new RecordingCypherRunner(_ => "{}"), batchSize: 10);

        Assert.IsNotAssignableFrom<IEventLogReader>(store);
        Assert.IsAssignableFrom<IGraphReader>(store);
    }

    [Fact]
    public async Task WriteBackAsync_SendsAnnotationsInBatches_AndSumsUpdatedAccounts()
    {
        var runner = new RecordingCypherRunner(q =>
            $$$"""{"data":{"fields":["updated"],"values":[[{{{RecordingCypherRunner.RowCount(q)}}}]]}}""");
        AccountAnnotation[] annotations =
        [
            new("a1", 0.91, "block", "m-3", ["ring-1"]),
            new("a2", 0.5, "review", "m-3", []),
            new("a3", 0.01, "allow", "m-3", ["ring-1", "ring-2"]),
        ];

        var updated = await Store(runner, batchSize: 2).WriteBackAsync(annotations, CancellationToken.None);

        Assert.Equal(3, updated);
        Assert.Equal(2, runner.Queries.Count);
        var first = Assert.IsType<Dictionary<string, object?>>(((IList)runner.Queries[0].Parameters["rows"]!)[0]);
        Assert.Equal("a1", first["key"]);
        Assert.Equal(0.91, first["score"]);
        Assert.Equal("block", first["decision"]);
        Assert.Equal("m-3", first["model_version"]);
        Assert.Equal(["ring-1"], Assert.IsAssignableFrom<IReadOnlyList<string>>(first["cluster_ids"]));
    }

    [Fact]
    public async Task RunAnalystQueryAsync_RunsTheLibraryFileReadOnly_AndRejectsUndeclaredParameters()
    {
        var runner = new RecordingCypherRunner(_ => """{"data":{"fields":["account"],"values":[["a2"]]}}""");
        var store = Store(runner, batchSize: 10);

        var result = await store.RunAnalystQueryAsync(
            Neo4jAnalystQueries.AccountsSharingDevices,
            new Dictionary<string, object?> { ["account_key"] = "a1", ["limit"] = 10 },
            CancellationToken.None);

        Assert.Equal("a2", result.Rows[0].GetString("account"));
        Assert.Equal(CypherAccessMode.Read, runner.Queries[0].AccessMode);
        Assert.Equal(Neo4jAnalystQueries.TextOf(Neo4jAnalystQueries.AccountsSharingDevices), runner.Queries[0].Statement);
        await Assert.ThrowsAsync<ArgumentException>(() => store.RunAnalystQueryAsync(
            Neo4jAnalystQueries.AccountsSharingDevices,
            new Dictionary<string, object?> { ["account_key"] = "a1" },
            CancellationToken.None));
    }

    [Fact]
    public async Task Neighbourhood_RunsTheReadsFilesReadOnly_AndNamesEdgeEndsByKeyAndKind()
    {
        var runner = new RecordingCypherRunner(q => NameOf(q) switch
        {
            "reads/account_by_key" => """{"data":{"fields":["id","key"],"values":[[1,"a1"]]}}""",
            "reads/edges_touching" => """{"data":{"fields":["source","target","type","count","first_seen","last_seen"],"values":[[1,5,"uses_device",3,1000,9000],[3,1,"follow",1,3000,3000]]}}""",
            "reads/nodes_by_id" => """{"data":{"fields":["id","kind","key"],"values":[[1,1,"a1"],[5,3,"d1"],[3,1,"a3"]]}}""",
            var other => throw new InvalidOperationException($"unexpected statement {other}"),
        });
        var store = Store(runner, batchSize: 10);

        var around = await store.Require<IAccountGraphReads>().GetNeighbourhoodAsync("a1", 1, 10, CancellationToken.None);

        Assert.NotNull(around);
        Assert.False(around.Truncated);
        Assert.Equal(
            [new NeighbourNode("a1", NodeKind.Account, 0), new NeighbourNode("a3", NodeKind.Account, 1), new NeighbourNode("d1", NodeKind.Device, 1)],
            around.Nodes);
        Assert.Equal(
            [
                new KeyedEdge("a1", NodeKind.Account, "d1", NodeKind.Device, "uses_device", 3, 1000, 9000),
                new KeyedEdge("a3", NodeKind.Account, "a1", NodeKind.Account, "follow", 1, 3000, 3000),
            ],
            around.Edges);
        Assert.Equal(["reads/account_by_key", "reads/edges_touching", "reads/nodes_by_id"], runner.Queries.Select(NameOf));
        Assert.All(runner.Queries, q => Assert.Equal(CypherAccessMode.Read, q.AccessMode));
        Assert.Equal("a1", runner.Queries[0].Parameters["key"]);
        Assert.Equal(11, runner.Queries[1].Parameters["limit"]);
        Assert.False(store.Has<INamedQueries>());
    }

    private sealed class SyncProgress(List<GraphSyncProgress> sink) : IProgress<GraphSyncProgress>
    {
        public void Report(GraphSyncProgress value) => sink.Add(value);
    }
}
