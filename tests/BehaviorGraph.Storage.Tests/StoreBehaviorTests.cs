using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;
using static BehaviorGraph.Storage.Tests.TestEvents;

namespace BehaviorGraph.Storage.Tests;

/// <summary>
/// The behaviour every relational backend guarantees, written once and run against each backend by a
/// sealed subclass. Expected values are worked out by hand from <see cref="TestEvents.First"/> and
/// <see cref="TestEvents.Second"/>.
/// </summary>
public abstract partial class StoreBehaviorTests : IAsyncLifetime
{
    private readonly List<IBehaviorStore> _opened = [];

    /// <summary>Opens a new, empty store at a location of its own (skips the test when the backend is unavailable).</summary>
    protected abstract Task<IBehaviorStore> OpenStoreAsync();

    /// <summary>Opens the location of the most recent <see cref="OpenStoreAsync"/> again, as a second host would.</summary>
    protected abstract Task<IBehaviorStore> ReopenStoreAsync();

    /// <summary>The versions recorded in <c>schema_migrations</c> at the most recent location, ascending.</summary>
    protected abstract Task<IReadOnlyList<int>> ReadAppliedMigrationsAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<IBehaviorStore> OpenAsync(bool reopen = false)
    {
        var store = reopen ? await ReopenStoreAsync() : await OpenStoreAsync();
        _opened.Add(store);
        return store;
    }

    [SkippableFact]
    public async Task WriteBatch_InsertsEventsAndBuildsNodesAndEdges()
    {
        var store = await OpenAsync();

        var result = await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);

        Assert.Equal(new BatchWriteResult(5, 0, 0), result);
        var graph = await GraphSnapshot.ReadAsync(store);
        Assert.Equal(
            new Dictionary<string, (long, long)>
            {
                ["account:alice"] = (1000, 3000),
                ["account:bob"] = (500, 2000),
                ["account:carol"] = (1500, 1500),
                ["content:post1"] = (3000, 3000),
                ["device:d1"] = (1000, 2000),
                ["device:d2"] = (500, 500),
                ["ip:10.0.0.1"] = (1000, 1500),
                ["ip:10.0.0.2"] = (500, 500),
            },
            graph.Nodes);
        Assert.Equal(
            new Dictionary<string, (long, long, long, double)>
            {
                ["account:alice follow account:bob"] = (1, 1000, 1000, 0),
                ["account:alice rate account:bob"] = (1, 2000, 2000, 4.5),
                ["account:carol follow account:bob"] = (1, 1500, 1500, 0),
                ["account:alice like content:post1"] = (1, 3000, 3000, 0),
                ["account:alice uses_device device:d1"] = (2, 1000, 2000, 0),
                ["account:bob uses_device device:d2"] = (1, 500, 500, 0),
                ["account:alice uses_ip ip:10.0.0.1"] = (1, 1000, 1000, 0),
                ["account:carol uses_ip ip:10.0.0.1"] = (1, 1500, 1500, 0),
                ["account:bob uses_ip ip:10.0.0.2"] = (1, 500, 500, 0),
            },
            graph.Edges);
    }

    [SkippableFact]
    public async Task WriteBatch_SameBatchTwice_SecondIsAllDuplicatesAndGraphUnchanged()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        var before = await GraphSnapshot.ReadAsync(store);

        var again = await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);

        Assert.Equal(new BatchWriteResult(0, 5, 0), again);
        var after = await GraphSnapshot.ReadAsync(store);
        Assert.Equal(before.Nodes, after.Nodes);
        Assert.Equal(before.Edges, after.Edges);
        Assert.Equal(before.Events, after.Events);
        Assert.Equal(5, (await store.Stats.GetStatsAsync(CancellationToken.None)).Events);
    }

    [SkippableFact]
    public async Task WriteBatch_CountsRepeatedEventIdInsideBatchOnce_FirstOccurrenceWins()
    {
        var store = await OpenAsync();
        var batch = Batch("h1", 3,
        [
            Event("x1", 1000, EventTypes.Follow, "alice", "bob"),
            Event("x1", 9000, EventTypes.Follow, "alice", "bob"),
            Event("x2", 2000, EventTypes.Follow, "alice", "bob"),
        ]);

        var result = await store.Ingest.WriteBatchAsync(batch, CancellationToken.None);

        Assert.Equal(new BatchWriteResult(2, 1, 0), result);
        var graph = await GraphSnapshot.ReadAsync(store);
        Assert.Equal(["1000 follow account:alice account:bob - - -", "2000 follow account:alice account:bob - - -"], graph.Events);
        Assert.Equal((2, 1000, 2000, 0), graph.Edges["account:alice follow account:bob"]);
        Assert.Equal((1000, 2000), graph.Nodes["account:alice"]);
    }

    [SkippableFact]
    public async Task WriteBatch_OverlappingBatches_AddOnlyNewEventsToEdgesAndNodeTimes()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);

        var result = await store.Ingest.WriteBatchAsync(Batch("h2", 3, Second), CancellationToken.None);

        Assert.Equal(new BatchWriteResult(2, 1, 0), result);
        var graph = await GraphSnapshot.ReadAsync(store);
        Assert.Equal((2, 2000, 4000, 6.5), graph.Edges["account:alice rate account:bob"]);
        Assert.Equal((3, 1000, 4000, 0), graph.Edges["account:alice uses_device device:d1"]);
        Assert.Equal((1, 3000, 3000, 0), graph.Edges["account:alice like content:post1"]);
        Assert.Equal((1, 100, 100, 0), graph.Edges["account:dave follow account:bob"]);
        Assert.Equal(10, graph.Edges.Count);
        Assert.Equal((1000, 4000), graph.Nodes["account:alice"]);
        Assert.Equal((100, 4000), graph.Nodes["account:bob"]);
        Assert.Equal((1000, 4000), graph.Nodes["device:d1"]);
        Assert.Equal((100, 100), graph.Nodes["account:dave"]);
        Assert.Equal((3000, 3000), graph.Nodes["content:post1"]);
        Assert.Equal(9, graph.Nodes.Count);
        Assert.Equal(7, graph.Events.Count);
    }

    [SkippableFact]
    public async Task WriteBatch_QuarantineRowsStoredOnce_WhenBatchIsWrittenAgain()
    {
        var store = await OpenAsync();
        var batch = Batch("h1", 7, First, new QuarantinedRow(3, "bad timestamp", "e9,yesterday,login,zoe"),
            new QuarantinedRow(7, "missing actor", "e10,1000,login,"));

        var first = await store.Ingest.WriteBatchAsync(batch, CancellationToken.None);
        var second = await store.Ingest.WriteBatchAsync(batch, CancellationToken.None);

        Assert.Equal(new BatchWriteResult(5, 0, 2), first);
        Assert.Equal(new BatchWriteResult(0, 5, 2), second);
        Assert.Equal(2, (await store.Stats.GetStatsAsync(CancellationToken.None)).Quarantined);
        var rows = await store.Stats.GetQuarantineAsync(10, CancellationToken.None);
        // Rows of one batch share their quarantine time; their relative order is not part of the contract.
        Assert.Equal(
            [("h1.csv", "h1", 3L, "bad timestamp", "e9,yesterday,login,zoe"), ("h1.csv", "h1", 7L, "missing actor", "e10,1000,login,")],
            rows.Select(r => (r.Source, r.ContentHash, r.Line, r.Reason, r.Raw)).OrderBy(r => r.Line));
    }

    [SkippableFact]
    public async Task GetQuarantine_ReturnsNewestFirst_UpToLimit()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("old", 2, [], new QuarantinedRow(2, "r", "old")), CancellationToken.None);
        // Quarantine times have millisecond resolution; make sure the second batch is strictly later.
        await Task.Delay(20);
        await store.Ingest.WriteBatchAsync(Batch("new", 1, [], new QuarantinedRow(1, "r", "new")), CancellationToken.None);

        var newestOnly = await store.Stats.GetQuarantineAsync(1, CancellationToken.None);
        var all = await store.Stats.GetQuarantineAsync(10, CancellationToken.None);

        Assert.Equal(["new"], newestOnly.Select(r => r.Raw));
        Assert.Equal(["new", "old"], all.Select(r => r.Raw));
        Assert.True(all[0].QuarantinedAt > all[1].QuarantinedAt);
    }

    [SkippableFact]
    public async Task Progress_IsNullForUnknownSource_AndAdvancesWithLastLineAndTotals()
    {
        var store = await OpenAsync();
        Assert.Null(await store.Ingest.GetProgressAsync("h1", CancellationToken.None));

        await store.Ingest.WriteBatchAsync(Batch("h1", 6, First, new QuarantinedRow(4, "r", "x")), CancellationToken.None);
        var afterFirst = await store.Ingest.GetProgressAsync("h1", CancellationToken.None);
        await store.Ingest.WriteBatchAsync(Batch("h1", 9, Second), CancellationToken.None);
        var afterSecond = await store.Ingest.GetProgressAsync("h1", CancellationToken.None);

        Assert.Equal(new SourceProgress("h1", "h1.csv", 6, 5, 0, 1, null), afterFirst);
        Assert.Equal(new SourceProgress("h1", "h1.csv", 9, 7, 1, 1, null), afterSecond);
        Assert.False(afterSecond!.IsComplete);
        Assert.Null(await store.Ingest.GetProgressAsync("other", CancellationToken.None));
    }

    [SkippableFact]
    public async Task CompleteSource_MarksSourceComplete_AndCountsItInStats()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        await store.Ingest.WriteBatchAsync(Batch("h2", 3, Second), CancellationToken.None);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await store.Ingest.CompleteSourceAsync(new IngestSource("h1.csv", "h1"), CancellationToken.None);

        var progress = await store.Ingest.GetProgressAsync("h1", CancellationToken.None);
        Assert.True(progress!.IsComplete);
        Assert.InRange(progress.CompletedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(5, progress.LastLine);
        Assert.False((await store.Ingest.GetProgressAsync("h2", CancellationToken.None))!.IsComplete);
        Assert.Equal(1, (await store.Stats.GetStatsAsync(CancellationToken.None)).Sources);
    }

    [SkippableFact]
    public async Task WriteBatch_ThatFailsAfterWritingEvents_LeavesNothingOfItselfBehind()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        var before = await GraphSnapshot.ReadAsync(store);
        // The events are valid; the quarantined row breaks a NOT NULL constraint, so the batch fails
        // only after its events, nodes and edges were written inside the transaction.
        var failing = Batch("h2", 9, Second, new QuarantinedRow(8, null!, "raw"));

        await Assert.ThrowsAnyAsync<Exception>(() => store.Ingest.WriteBatchAsync(failing, CancellationToken.None));

        await AssertUnchangedAsync(store, before, "h2");
        Assert.Equal(new BatchWriteResult(2, 1, 0), await store.Ingest.WriteBatchAsync(Batch("h2", 9, Second), CancellationToken.None));
    }

    [SkippableFact]
    public async Task WriteBatch_WithEventViolatingConstraint_LeavesNothingOfItselfBehind()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        var before = await GraphSnapshot.ReadAsync(store);
        // New nodes (erin, d9) come before the event whose NULL type violates events.type NOT NULL.
        var failing = Batch("h2", 2,
        [
            Event("f1", 7000, EventTypes.Follow, "erin", "alice", device: "d9"),
            Event("f2", 7001, null!, "erin"),
        ]);

        await Assert.ThrowsAnyAsync<Exception>(() => store.Ingest.WriteBatchAsync(failing, CancellationToken.None));

        await AssertUnchangedAsync(store, before, "h2");
        // The rolled-back batch's new nodes are created by the next batch that names them.
        await store.Ingest.WriteBatchAsync(Batch("h3", 1, [Event("f3", 8000, EventTypes.Follow, "erin", "alice", device: "d9")]), CancellationToken.None);
        var after = await GraphSnapshot.ReadAsync(store);
        Assert.Equal((8000, 8000), after.Nodes["account:erin"]);
        Assert.Equal((8000, 8000), after.Nodes["device:d9"]);
        Assert.Equal((1, 8000, 8000, 0), after.Edges["account:erin uses_device device:d9"]);
        Assert.Equal(before.Nodes.Count + 2, after.Nodes.Count);
    }

    [SkippableFact]
    public async Task IngestFile_InManySmallBatches_GivesTheLogAndGraphOfOneBatch()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bg-pipeline-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, ["event_id,ts,type,actor,target,value,device,ip", .. Enumerable.Range(0, 40).Select(i =>
            $"p{i},{1_700_000_000 + i * 60},{(i % 4 == 0 ? "rate" : "follow")},a{i % 10},a{(i * 7 + 3) % 10},{(i % 4 == 0 ? (i % 9) - 4 : "")},d{i % 3},10.0.0.{i % 5}")]);
        try
        {
            var piecewise = await OpenAsync();
            var whole = await OpenAsync();

            var small = await new EventIngestor(piecewise.Ingest).IngestFileAsync(file, new IngestOptions(BatchSize: 7), null, CancellationToken.None);
            var one = await new EventIngestor(whole.Ingest).IngestFileAsync(file, new IngestOptions(BatchSize: 1_000), null, CancellationToken.None);

            Assert.Equal((40L, 0L), (small.Ingested, small.Duplicates));
            Assert.Equal(one.Ingested, small.Ingested);
            var expected = await GraphSnapshot.ReadAsync(whole);
            var actual = await GraphSnapshot.ReadAsync(piecewise);
            Assert.Equal(expected.Events, actual.Events);
            Assert.Equal(expected.Nodes.OrderBy(n => n.Key), actual.Nodes.OrderBy(n => n.Key));
            Assert.Equal(expected.Edges.OrderBy(e => e.Key), actual.Edges.OrderBy(e => e.Key));
            Assert.Equal(40, (await piecewise.Ingest.GetProgressAsync(small.ContentHash, CancellationToken.None))!.Inserted);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableFact]
    public async Task WriteBatch_FromTwoHostsTakingTurns_EachUsesTheNodesTheOtherAdded()
    {
        var first = await OpenAsync();
        await first.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        var second = await OpenAsync(reopen: true);
        await second.Ingest.WriteBatchAsync(Batch("h2", 3, Second), CancellationToken.None);

        // The first host never saw dave (added by the second); erin is new to both.
        await first.Ingest.WriteBatchAsync(Batch("h3", 2,
        [
            Event("g1", 5000, EventTypes.Follow, "dave", "erin", device: "d1"),
            Event("g2", 6000, EventTypes.Message, "erin", "carol"),
        ]), CancellationToken.None);
        await second.Ingest.WriteBatchAsync(Batch("h4", 1, [Event("g3", 7000, EventTypes.Follow, "erin", "dave")]), CancellationToken.None);

        var graph = await GraphSnapshot.ReadAsync(first);
        Assert.Equal(10, graph.Events.Count);
        Assert.Equal(10, graph.Nodes.Count);
        Assert.Equal((100, 7000), graph.Nodes["account:dave"]);
        Assert.Equal((5000, 7000), graph.Nodes["account:erin"]);
        Assert.Equal((1500, 6000), graph.Nodes["account:carol"]);
        Assert.Equal((1000, 5000), graph.Nodes["device:d1"]);
        Assert.Equal((1, 5000, 5000, 0), graph.Edges["account:dave follow account:erin"]);
        Assert.Equal((1, 7000, 7000, 0), graph.Edges["account:erin follow account:dave"]);
        Assert.Equal((1, 5000, 5000, 0), graph.Edges["account:dave uses_device device:d1"]);
    }

    [SkippableFact]
    public async Task WriteBatch_Cancelled_WritesNothing()
    {
        var store = await OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.Ingest.WriteBatchAsync(Batch("h1", 5, First), cancelled.Token));

        var stats = await store.Stats.GetStatsAsync(CancellationToken.None);
        Assert.Equal((0L, 0, 0), (stats.Events, stats.NodesByKind.Count, stats.EdgesByType.Count));
        Assert.Null(await store.Ingest.GetProgressAsync("h1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task ReadEdges_FiltersByType_AndReturnsAllForNullOrEmpty()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);

        var filtered = await GraphSnapshot.ReadAsync(store, [EventTypes.Follow, "uses_ip"]);
        var unfiltered = await GraphSnapshot.ReadAsync(store, null);
        var empty = await GraphSnapshot.ReadAsync(store, []);

        Assert.Equal(
            [
                "account:alice follow account:bob",
                "account:alice uses_ip ip:10.0.0.1",
                "account:bob uses_ip ip:10.0.0.2",
                "account:carol follow account:bob",
                "account:carol uses_ip ip:10.0.0.1",
            ],
            filtered.Edges.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(9, unfiltered.Edges.Count);
        Assert.Equal(9, empty.Edges.Count);
    }

    [SkippableFact]
    public async Task ReadEvents_OfASpan_ReadsExactlyTheEventsCommittedInIt()
    {
        var store = await OpenAsync();
        Assert.Equal(0, await store.Events.LatestSequenceAsync(CancellationToken.None));
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        var afterFirst = await store.Events.LatestSequenceAsync(CancellationToken.None);
        await store.Ingest.WriteBatchAsync(Batch("h2", 3, Second), CancellationToken.None);
        var afterSecond = await store.Events.LatestSequenceAsync(CancellationToken.None);

        Assert.True(afterSecond > afterFirst && afterFirst > 0);
        Assert.Equal([1000L, 2000, 1500, 3000, 500], await TimesAsync(EventSpan.Through(afterFirst)));
        Assert.Equal([4000L, 100], await TimesAsync(new EventSpan(afterFirst, afterSecond)));
        Assert.Empty(await TimesAsync(new EventSpan(afterSecond, long.MaxValue)));

        async Task<List<long>> TimesAsync(EventSpan span)
        {
            var times = new List<long>();
            await foreach (var row in store.Events.ReadEventsAsync(span, null, CancellationToken.None))
            {
                times.Add(row.TimestampMs);
            }

            return times;
        }
    }

    [SkippableFact]
    public async Task ReadEvents_StreamsInInsertionOrder_WithZeroForAbsentIds()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        await store.Ingest.WriteBatchAsync(Batch("h2", 3, Second), CancellationToken.None);
        var graph = await GraphSnapshot.ReadAsync(store);

        var follows = new List<string>();
        await foreach (var row in store.Events.ReadEventsAsync(EventSpan.All, [EventTypes.Follow], CancellationToken.None))
        {
            follows.Add(GraphSnapshot.Describe(row, graph.Names));
        }

        Assert.Equal(
            [
                "1000 follow account:alice account:bob - device:d1 ip:10.0.0.1",
                "2000 rate account:alice account:bob 4.5 device:d1 -",
                "1500 follow account:carol account:bob - - ip:10.0.0.1",
                "3000 like account:alice content:post1 - - -",
                "500 login account:bob - - device:d2 ip:10.0.0.2",
                "4000 rate account:alice account:bob 2 device:d1 -",
                "100 follow account:dave account:bob - - -",
            ],
            graph.Events);
        Assert.Equal(
            [
                "1000 follow account:alice account:bob - device:d1 ip:10.0.0.1",
                "1500 follow account:carol account:bob - - ip:10.0.0.1",
                "100 follow account:dave account:bob - - -",
            ],
            follows);
    }

    [SkippableFact]
    public async Task Stats_CountEventsQuarantineSourcesNodesAndEdges()
    {
        var store = await OpenAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 6, First, new QuarantinedRow(6, "r", "x")), CancellationToken.None);
        await store.Ingest.CompleteSourceAsync(new IngestSource("h1.csv", "h1"), CancellationToken.None);

        var stats = await store.Stats.GetStatsAsync(CancellationToken.None);

        Assert.Equal((5L, 1L, 1L), (stats.Events, stats.Quarantined, stats.Sources));
        Assert.Equal(new Dictionary<string, long> { ["follow"] = 2, ["rate"] = 1, ["like"] = 1, ["login"] = 1 }, stats.EventsByType);
        Assert.Equal(new Dictionary<string, long> { ["account"] = 3, ["content"] = 1, ["device"] = 2, ["ip"] = 2 }, stats.NodesByKind);
        Assert.Equal(
            new Dictionary<string, long> { ["follow"] = 2, ["rate"] = 1, ["like"] = 1, ["uses_device"] = 2, ["uses_ip"] = 3 },
            stats.EdgesByType);
    }

    [SkippableFact]
    public async Task Stats_OfEmptyStore_AreZero()
    {
        var store = await OpenAsync();

        var stats = await store.Stats.GetStatsAsync(CancellationToken.None);

        Assert.Equal((0L, 0L, 0L), (stats.Events, stats.Quarantined, stats.Sources));
        Assert.Empty(stats.EventsByType);
        Assert.Empty(stats.NodesByKind);
        Assert.Empty(stats.EdgesByType);
        Assert.Empty(await store.Stats.GetQuarantineAsync(10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Open_AppliesMigrationsOnce_ReopeningIsANoOpThatKeepsData()
    {
        var store = await OpenAsync();
        var applied = await ReadAppliedMigrationsAsync();
        await store.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        var before = await GraphSnapshot.ReadAsync(store);

        var reopened = await OpenAsync(reopen: true);

        Assert.NotEmpty(applied);
        Assert.Equal(applied, await ReadAppliedMigrationsAsync());
        var after = await GraphSnapshot.ReadAsync(reopened);
        Assert.Equal(before.Nodes, after.Nodes);
        Assert.Equal(before.Edges, after.Edges);
        Assert.Equal(before.Events, after.Events);
        Assert.Equal(new BatchWriteResult(0, 5, 0), await reopened.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None));
    }

    private static async Task AssertUnchangedAsync(IBehaviorStore store, GraphSnapshot before, string failedHash)
    {
        var after = await GraphSnapshot.ReadAsync(store);
        Assert.Equal(before.Nodes, after.Nodes);
        Assert.Equal(before.Edges, after.Edges);
        Assert.Equal(before.Events, after.Events);
        Assert.Null(await store.Ingest.GetProgressAsync(failedHash, CancellationToken.None));
        Assert.Equal(0, (await store.Stats.GetStatsAsync(CancellationToken.None)).Quarantined);
    }
}
