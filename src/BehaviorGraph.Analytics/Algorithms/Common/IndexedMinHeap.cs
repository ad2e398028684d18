namespace BehaviorGraph.Analytics.Algorithms.Common;

/// <summary>
/// Binary min-heap over ids 0..capacity-1 with a position index, so a key can be lowered in O(log n).
/// Ties are ordered by id, which keeps every pop sequence deterministic.
/// </summary>
internal sealed class IndexedMinHeap
{
    private readonly double[] _keys;
    private readonly int[] _heap;
    private readonly int[] _position;

    public IndexedMinHeap(int capacity)
    {
        _keys = new double[capacity];
        _heap = new int[capacity];
        _position = new int[capacity];
        Array.Fill(_position, -1);
    }

    public int Count { get; private set; }

    public bool Contains(int id) => _position[id] >= 0;

    public double KeyOf(int id) => _keys[id];

    /// <summary>Smallest key (the heap must not be empty).</summary>
    public double MinKey => _keys[_heap[0]];

    /// <summary>
    /// Replaces the heap's contents with <paramref name="ids"/> keyed by <paramref name="key"/>, heapified in O(n)
    /// (ids previously held and not listed are dropped).
    /// </summary>
    public void Reset(List<int> ids, Func<int, double> key)
    {
        for (var i = 0; i < Count; i++)
        {
            _position[_heap[i]] = -1;
        }

        Count = ids.Count;
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            _keys[id] = key(id);
            _heap[i] = id;
            _position[id] = i;
        }

        for (var i = (Count / 2) - 1; i >= 0; i--)
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

        _keys[id] = key;
        _heap[Count] = id;
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

        var top = _heap[0];
        Count--;
        _position[top] = -1;
        if (Count > 0)
        {
            _heap[0] = _heap[Count];
            _position[_heap[0]] = 0;
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

        if (key > _keys[id])
        {
            throw new InvalidOperationException($"New key {key} is larger than the current key {_keys[id]} of id {id}.");
        }

        _keys[id] = key;
        SiftUp(at);
    }

    private bool Less(int a, int b) => _keys[a] < _keys[b] || (_keys[a] == _keys[b] && a < b);

    private void SiftUp(int at)
    {
        var id = _heap[at];
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            var p = _heap[parent];
            if (!Less(id, p))
            {
                break;
            }

            _heap[at] = p;
            _position[p] = at;
            at = parent;
        }

        _heap[at] = id;
        _position[id] = at;
    }

    private void SiftDown(int at)
    {
        var id = _heap[at];
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Less(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            var c = _heap[child];
            if (!Less(c, id))
            {
                break;
            }

            _heap[at] = c;
            _position[c] = at;
            at = child;
        }

        _heap[at] = id;
        _position[id] = at;
    }
}
