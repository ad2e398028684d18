namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>An edge of the open batch by node slots and edge-type code.</summary>
internal readonly struct EdgeSlotKey(int source, int target, int typeCode) : IEquatable<EdgeSlotKey>
{
    public readonly int Source = source;
    public readonly int Target = target;
    public readonly int TypeCode = typeCode;

    public bool Equals(EdgeSlotKey other) => Source == other.Source && Target == other.Target && TypeCode == other.TypeCode;

    public override bool Equals(object? obj) => obj is EdgeSlotKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Source, Target, TypeCode);
}
