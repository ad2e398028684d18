namespace BehaviorGraph.Storage.Relational.Investigation;

/// <summary>An edges row; <see cref="Outgoing"/> and <see cref="Total"/> are filled only by the per-node read.</summary>
internal sealed class EdgeRow
{
    public const string Columns = "src AS Src, dst AS Dst, type AS Type, count AS Count, first_ts AS FirstTs, last_ts AS LastTs";

    public long Src { get; init; }

    public long Dst { get; init; }

    public string Type { get; init; } = "";

    public long Count { get; init; }

    public long FirstTs { get; init; }

    public long LastTs { get; init; }

    public long Outgoing { get; init; }

    public long Total { get; init; }
}
