using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;
using static BehaviorGraph.Storage.Tests.TestEvents;

namespace BehaviorGraph.Storage.Tests.Sqlite;

/// <summary>
/// The embedded store prepares batches (node keys to slots, edges aggregated) ahead of writing them; these tests
/// write prepared batches in the orders a pipeline or two concurrent ingests can produce.
/// </summary>
public sealed class SqliteBatchPreparationTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly List<IBehaviorStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task PreparedBatches_WrittenInReverseOrder_GiveTheGraphOfInOrderWrites()
    {
        var inOrder = await OpenAsync("in-order.db");
        await inOrder.Ingest.WriteBatchAsync(Batch("h1", 5, First), CancellationToken.None);
        await inOrder.Ingest.WriteBatchAsync(Batch("h2", 3, Second), CancellationToken.None);
        var reversed = await OpenAsync("reversed.db");
        var ingest = (IPreparingEventIngestStore)reversed.Ingest;
        // The second batch's nodes alice, bob, post1 and d1 get their slots while the first batch is prepared.
        var first = ingest.Prepare(Batch("h1", 5, First));
        var second = ingest.Prepare(Batch("h2", 3, Second));

        var secondResult = await ingest.WriteBatchAsync(second, CancellationToken.None);
        var firstResult = await ingest.WriteBatchAsync(first, CancellationToken.None);

        Assert.Equal((new BatchWriteResult(3, 0, 0), new BatchWriteResult(4, 1, 0)), (secondResult, firstResult));
        var expected = await GraphSnapshot.ReadAsync(inOrder);
        var actual = await GraphSnapshot.ReadAsync(reversed);
        Assert.Equal(expected.Nodes.OrderBy(n => n.Key), actual.Nodes.OrderBy(n => n.Key));
        Assert.Equal(expected.Edges.OrderBy(e => e.Key), actual.Edges.OrderBy(e => e.Key));
        Assert.Equal(expected.Events.Order(), actual.Events.Order());
    }

    [Fact]
    public async Task WriteBatch_PreparedByAnotherStore_IsRefused()
    {
        var one = (IPreparingEventIngestStore)(await OpenAsync("one.db")).Ingest;
        var other = (IPreparingEventIngestStore)(await OpenAsync("other.db")).Ingest;
        var prepared = one.Prepare(Batch("h1", 5, First));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => other.WriteBatchAsync(prepared, CancellationToken.None));

        Assert.Contains("not prepared by this store", error.Message, StringComparison.Ordinal);
    }

    private async Task<IBehaviorStore> OpenAsync(string name)
    {
        var store = await SqliteBehaviorStore.OpenAsync(Path.Combine(_directory.Path, name), CancellationToken.None);
        _stores.Add(store);
        return store;
    }
}
