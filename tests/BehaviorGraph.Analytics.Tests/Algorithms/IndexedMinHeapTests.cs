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
