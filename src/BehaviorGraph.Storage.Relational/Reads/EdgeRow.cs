using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Storage.Relational.Reads;

/// <summary>An edges row as point reads select it (without the value sum); the console's node read extends it.</summary>
public class EdgeRow
{
    public const string Columns = "src AS Src, dst AS Dst, type AS Type, count AS Count, first_ts AS FirstTs, last_ts AS LastTs";

    public long Src { get; init; }

    public long Dst { get; init; }

    public string Type { get; init; } = "";

    public long Count { get; init; }

    public long FirstTs { get; init; }

    public long LastTs { get; init; }

    public GraphEdge ToEdge() => new(Src, Dst, Type, Count, FirstTs, LastTs, 0);
}
