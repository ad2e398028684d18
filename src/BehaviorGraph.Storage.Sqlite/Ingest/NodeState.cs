namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// A node's id and seen range as the writer knows them. <see cref="IsNew"/>: created by the open batch and not
/// yet in the table; <see cref="Dirty"/>: an existing node whose range the open batch widened.
/// </summary>
internal struct NodeState(long id, long first, long last, bool isNew)
{
    public long Id = id;
    public long First = first;
    public long Last = last;
    public bool IsNew = isNew;
    public bool Dirty;

    /// <summary>Widens the range; true when an existing node became dirty by it.</summary>
    public bool Touch(long timestampMs)
    {
        var widened = false;
        if (timestampMs < First)
        {
            First = timestampMs;
            widened = true;
        }

        if (timestampMs > Last)
        {
            Last = timestampMs;
            widened = true;
        }

        if (!widened || IsNew || Dirty)
        {
            return false;
        }

        Dirty = true;
        return true;
    }
}
