namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// An array that grows by adding fixed-size pages, so an element never moves: one thread may grow it (under
/// the owner's lock) while another reads and writes elements it already knows of.
/// </summary>
internal sealed class PagedArray<T>
{
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;
    private const int PageMask = PageSize - 1;

    private volatile T[][] _pages = [];

    public ref T this[int index] => ref _pages[index >> PageBits][index & PageMask];

    /// <summary>Adds pages until <paramref name="count"/> elements fit. Not thread-safe against itself.</summary>
    public void EnsureCapacity(int count)
    {
        var pages = _pages;
        if ((long)pages.Length * PageSize >= count)
        {
            return;
        }

        var grown = new T[(count + PageMask) >> PageBits][];
        pages.CopyTo(grown, 0);
        for (var i = pages.Length; i < grown.Length; i++)
        {
            grown[i] = new T[PageSize];
        }

        _pages = grown;
    }
}
