namespace BehaviorGraph.Storage.Relational.Investigation;

/// <summary>A nodes row as the investigation reads use it (settable properties: Dapper widens SQLite and PostgreSQL integers into them).</summary>
internal sealed class NodeKeyRow
{
    public long Id { get; init; }

    public long Kind { get; init; }

    public string Key { get; init; } = "";

    public long FirstSeen { get; init; }

    public long LastSeen { get; init; }
}
