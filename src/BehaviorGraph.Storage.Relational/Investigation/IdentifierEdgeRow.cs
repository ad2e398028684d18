namespace BehaviorGraph.Storage.Relational.Investigation;

/// <summary>A <c>uses_device</c> / <c>uses_ip</c> edge with the identifier's key.</summary>
internal sealed class IdentifierEdgeRow
{
    public long Src { get; init; }

    public long Dst { get; init; }

    public string Type { get; init; } = "";

    public string Key { get; init; } = "";

    public long Count { get; init; }

    public long FirstTs { get; init; }

    public long LastTs { get; init; }
}
