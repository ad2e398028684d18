namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>An edge of the open batch; the type is a code from <see cref="EdgeTypeCodes"/>.</summary>
internal readonly record struct EdgeKey(long Source, long Target, int TypeCode) : IComparable<EdgeKey>
{
    public int CompareTo(EdgeKey other)
    {
        var c = Source.CompareTo(other.Source);
        if (c == 0)
        {
            c = Target.CompareTo(other.Target);
        }

        return c != 0 ? c : TypeCode.CompareTo(other.TypeCode);
    }
}
