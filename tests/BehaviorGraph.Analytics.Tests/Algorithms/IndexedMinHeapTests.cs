using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class IndexedMinHeapTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(5, 64)]
    [InlineData(11, 1000)]
    [InlineData(23, 5000)]
    public void Pops_in_key_then_id_order_after_inserts_decreases_and_resets(int seed, int count)
    {
        var random = new Random(seed);
        var heap = new IndexedMinHeap(count);
        var keys = new Dictionary<int, double>();
        var ids = Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToList();
        foreach (var id in ids.Take(count / 2))
        {
            // Few distinct keys, so ties (ordered by id) are common.
            keys[id] = random.Next(20);
            heap.Insert(id, keys[id]);
        }

        heap.Reset(ids, id => keys[id] = random.Next(20));
        foreach (var id in ids.Where(_ => random.Next(3) == 0))
        {
            keys[id] -= random.Next(5);
            heap.DecreaseKey(id, keys[id]);
            Assert.Equal(keys[id], heap.KeyOf(id));
        }

        var expected = keys.OrderBy(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key).ToList();
        var popped = new List<int>();
        while (heap.Count > 0)
        {
            Assert.Equal(keys[expected[popped.Count]], heap.MinKey);
            popped.Add(heap.PopMin());
        }

        Assert.Equal(expected, popped);
        Assert.All(ids, id => Assert.False(heap.Contains(id)));
    }

    [Theory]
    [InlineData(3, 10)]
    [InlineData(8, 200)]
    [InlineData(13, 3000)]
    public void DecreaseKeys_leaves_the_heap_as_one_DecreaseKey_after_another_does(int seed, int count)
    {
        var random = new Random(seed);
        var batched = new IndexedMinHeap(count);
        var sequential = new IndexedMinHeap(count);
        var keys = new double[count];
        var ids = Enumerable.Range(0, count).ToList();
        for (var id = 0; id < count; id++)
        {
            keys[id] = random.Next(1000);
        }

        batched.Reset(ids, id => keys[id]);
        sequential.Reset(ids, id => keys[id]);
        var slots = new int[count];
        for (var round = 0; round < 50; round++)
        {
            // Distinct ids, some lowered far below the root so they rise through ancestors that are in the batch too.
            var batch = ids.Where(id => batched.Contains(id) && random.Next(4) == 0).OrderBy(_ => random.Next()).ToArray();
            var lowered = batch.Select(id => keys[id] = random.Next(3) == 0 ? keys[id] - random.Next(2000) : keys[id] - random.Next(3)).ToArray();
            batched.DecreaseKeys(batch, lowered, slots);
            for (var i = 0; i < batch.Length; i++)
            {
                sequential.DecreaseKey(batch[i], lowered[i]);
            }

            Assert.All(batch, id => Assert.Equal(keys[id], batched.KeyOf(id)));
            for (var pops = random.Next(count / 20 + 1); pops > 0 && batched.Count > 0; pops--)
            {
                Assert.Equal(sequential.PopMin(), batched.PopMin());
            }
        }

        while (sequential.Count > 0)
        {
            Assert.Equal(sequential.MinKey, batched.MinKey);
            Assert.Equal(sequential.PopMin(), batched.PopMin());
        }

        Assert.Equal(0, batched.Count);
    }

    [Fact]
    public void DecreaseKeys_refuses_a_larger_key_or_a_missing_id_before_changing_any_key()
    {
        var heap = new IndexedMinHeap(4);
        heap.Insert(0, 5);
        heap.Insert(1, 7);
        heap.Insert(2, 9);
        var slots = new int[3];
        Assert.Throws<InvalidOperationException>(() => heap.DecreaseKeys([0, 1], [1, 8], slots));
        Assert.Throws<InvalidOperationException>(() => heap.DecreaseKeys([2, 3], [1, 1], slots));
        Assert.Equal(5, heap.KeyOf(0));
        Assert.Equal(9, heap.KeyOf(2));
        Assert.Equal([0, 1, 2], [heap.PopMin(), heap.PopMin(), heap.PopMin()]);
    }

    [Fact]
    public void Refuses_a_larger_key_a_missing_id_and_a_second_insert()
    {
        var heap = new IndexedMinHeap(4);
        heap.Insert(1, 5);
        Assert.Throws<InvalidOperationException>(() => heap.DecreaseKey(1, 6));
        Assert.Throws<InvalidOperationException>(() => heap.DecreaseKey(2, 1));
        Assert.Throws<InvalidOperationException>(() => heap.Insert(1, 1));
        Assert.Equal(1, heap.PopMin());
        Assert.Throws<InvalidOperationException>(() => heap.PopMin());
    }
}
