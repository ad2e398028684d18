namespace BehaviorGraph.Analytics.Algorithms.Common;

/// <summary>
/// Four-ary min-heap over ids 0..capacity-1 with a position index, so a key can be lowered in O(log n). Keys live in
/// the heap's own entries, so a sift compares neighbouring entries instead of looking each id's key up elsewhere, and a
/// node's four children share a cache line. Ties are ordered by id: the pop sequence is the (key, id) order, whatever
/// the heap's shape, which keeps every peel deterministic.
/// </summary>
internal sealed class IndexedMinHeap
{
    private const int Arity = 4;

    private readonly HeapEntry[] _entries;
    private readonly int[] _position;

    public IndexedMinHeap(int capacity)
    {
        _entries = new HeapEntry[capacity];
        _position = new int[capacity];
        Array.Fill(_position, -1);
    }

    public int Count { get; private set; }

    public bool Contains(int id) => _position[id] >= 0;

    /// <summary>The key of an id in the heap.</summary>
    public double KeyOf(int id) => _entries[_position[id]].Key;

    /// <summary>Smallest key (the heap must not be empty).</summary>
    public double MinKey => _entries[0].Key;

    /// <summary>
    /// Replaces the heap's contents with <paramref name="ids"/> keyed by <paramref name="key"/>, heapified in O(n)
    /// (ids previously held and not listed are dropped).
    /// </summary>
    public void Reset(List<int> ids, Func<int, double> key)
    {
        for (var i = 0; i < Count; i++)
        {
            _position[_entries[i].Id] = -1;
        }

        Count = ids.Count;
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            _entries[i] = new HeapEntry(key(id), id);
            _position[id] = i;
        }

        for (var i = (Count - 2) / Arity; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    public void Insert(int id, double key)
    {
        if (_position[id] >= 0)
        {
            throw new InvalidOperationException($"Id {id} is already in the heap.");
        }

        _entries[Count] = new HeapEntry(key, id);
        _position[id] = Count;
        Count++;
        SiftUp(Count - 1);
    }

    public int PopMin()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The heap is empty.");
        }

        var top = _entries[0].Id;
        Count--;
        _position[top] = -1;
        if (Count > 0)
        {
            _entries[0] = _entries[Count];
            _position[_entries[0].Id] = 0;
            SiftDown(0);
        }

        return top;
    }

    public void DecreaseKey(int id, double key)
    {
        var at = _position[id];
        if (at < 0)
        {
            throw new InvalidOperationException($"Id {id} is not in the heap.");
        }

        if (key > _entries[at].Key)
        {
            throw new InvalidOperationException($"New key {key} is larger than the current key {_entries[at].Key} of id {id}.");
        }

        _entries[at] = new HeapEntry(key, id);
        SiftUp(at);
    }

    /// <summary>
    /// Lowers the keys of several distinct ids at once, with the same result as <see cref="DecreaseKey"/> for each in
    /// turn. Their slots and their parents' entries are read in independent sweeps before anything moves, so the cache
    /// misses of a large heap overlap instead of queueing one behind another. <paramref name="slots"/> is scratch space
    /// at least as long as <paramref name="ids"/>.
    /// </summary>
    public void DecreaseKeys(ReadOnlySpan<int> ids, ReadOnlySpan<double> keys, Span<int> slots)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            slots[i] = _position[ids[i]];
        }

        // A slot whose new entry must rise above its parent is stored complemented (negative).
        for (var i = 0; i < ids.Length; i++)
        {
            var at = slots[i];
            if (at < 0)
            {
                throw new InvalidOperationException($"Id {ids[i]} is not in the heap.");
            }

            if (keys[i] > _entries[at].Key)
            {
                throw new InvalidOperationException($"New key {keys[i]} is larger than the current key {_entries[at].Key} of id {ids[i]}.");
            }

            if (at > 0 && new HeapEntry(keys[i], ids[i]).Precedes(_entries[(at - 1) / Arity]))
            {
                slots[i] = ~at;
            }
        }

        var moved = false;
        for (var i = 0; i < ids.Length; i++)
        {
            var entry = new HeapEntry(keys[i], ids[i]);
            if (moved)
            {
                // An earlier entry rose and shifted its ancestors down: this id's slot may have changed.
                var at = _position[ids[i]];
                _entries[at] = entry;
                SiftUp(at);
            }
            else if (slots[i] < 0)
            {
                _entries[~slots[i]] = entry;
                SiftUp(~slots[i]);
                moved = true;
            }
            else
            {
                _entries[slots[i]] = entry;
            }
        }
    }

    private void SiftUp(int at)
    {
        var entry = _entries[at];
        while (at > 0)
        {
            var parent = (at - 1) / Arity;
            var p = _entries[parent];
            if (!entry.Precedes(p))
            {
                break;
            }

            _entries[at] = p;
            _position[p.Id] = at;
            at = parent;
        }

        _entries[at] = entry;
        _position[entry.Id] = at;
    }

    private void SiftDown(int at)
    {
        var entry = _entries[at];
        while (true)
        {
            var first = (Arity * at) + 1;
            if (first >= Count)
            {
                break;
            }

            var best = first;
            var last = Math.Min(first + Arity, Count);
            for (var child = first + 1; child < last; child++)
            {
                if (_entries[child].Precedes(_entries[best]))
                {
                    best = child;
                }
            }

            var c = _entries[best];
            if (!c.Precedes(entry))
            {
                break;
            }

            _entries[at] = c;
            _position[c.Id] = at;
            at = best;
        }

        _entries[at] = entry;
        _position[entry.Id] = at;
    }

}
