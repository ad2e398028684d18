using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// What to load into a <see cref="CsrGraph"/>: edge types (null or empty: all), node kinds (null or empty: all;
/// edges touching a filtered-out node are dropped), orientation and weighting. Parallel edges between the same
/// pair (several types, or both directions of an undirected projection) are merged by summing weights unless
/// <see cref="MergeParallelEdges"/> is false. Self-loops are dropped unless <see cref="KeepSelfLoops"/>.
/// </summary>
public sealed record ProjectionSpec
{
    public IReadOnlyCollection<string>? EdgeTypes { get; init; }

    public IReadOnlyCollection<NodeKind>? NodeKinds { get; init; }

    public Orientation Orientation { get; init; } = Orientation.Natural;

    public EdgeWeighting Weighting { get; init; } = EdgeWeighting.One;

    public bool MergeParallelEdges { get; init; } = true;

    public bool KeepSelfLoops { get; init; }

    /// <summary>Keep first/last event time per adjacency entry (min/max when merged): 16 more bytes per entry.</summary>
    public bool IncludeTimes { get; init; }

    /// <summary>Keep the event count per adjacency entry (summed when merged): 4 more bytes per entry.</summary>
    public bool IncludeCounts { get; init; }

    public static ProjectionSpec UndirectedAll { get; } = new() { Orientation = Orientation.Undirected };
}
