using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Storage.Relational.Reads;

/// <summary>A nodes row as point reads select it. Settable properties, so Dapper converts the kind column's width.</summary>
public sealed class NodeRow
{
    public const string Columns = "id AS Id, kind AS Kind, key AS Key";

    public long Id { get; init; }

    public long Kind { get; init; }

    public string Key { get; init; } = "";

    public GraphNode ToNode() => new(Id, (NodeKind)Kind, Key, 0, 0);
}
