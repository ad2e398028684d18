namespace BehaviorGraph.Analytics.Algorithms.Common;

/// <summary>An id and its key in <see cref="IndexedMinHeap"/>; ordered by key, ties by id.</summary>
internal readonly record struct HeapEntry(double Key, int Id)
{
    public bool Precedes(HeapEntry other) => Key < other.Key || (Key == other.Key && Id < other.Id);
}
