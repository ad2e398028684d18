namespace BehaviorGraph.Analytics.Projection;

/// <summary>An append-only array of structs that doubles when full; no object per element.</summary>
internal sealed class GrowableArray<T>(int capacity = 1024)
    where T : struct
{
    private T[] _items = new T[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public void Add(T value)
    {
        if (Length == _items.Length)
        {
            var size = _items.Length >= Array.MaxLength / 2 ? Array.MaxLength : _items.Length * 2;
            if (size <= _items.Length)
            {
                throw new InvalidOperationException("More elements than one array can hold.");
            }

            Array.Resize(ref _items, size);
        }

        _items[Length++] = value;
    }

    /// <summary>The elements so far, in place.</summary>
    public ReadOnlySpan<T> Items => _items.AsSpan(0, Length);

    /// <summary>The elements as an exactly sized array (the buffer itself when it is already full).</summary>
    public T[] ToTrimmedArray()
    {
        if (_items.Length != Length)
        {
            Array.Resize(ref _items, Length);
        }

        return _items;
    }
}
