namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

/// <summary>
/// FRAUDAR settings. An edge into a target with in-degree x weighs 1 / ln(x + <see cref="ColumnConstant"/>), so
/// edges to popular targets (camouflage) count little. Up to <see cref="MaxBlocks"/> blocks are peeled, each from
/// the graph left after removing the previous blocks' edges, stopping early when a block's density falls below
/// <see cref="MinDensity"/> or has fewer than <see cref="MinSources"/> sources.
/// </summary>
public sealed record FraudarParameters
{
    public double ColumnConstant { get; init; } = 5.0;

    public int MaxBlocks { get; init; } = 1;

    public double MinDensity { get; init; }

    public int MinSources { get; init; } = 1;

    /// <summary>Multiply the column weight by the projection's edge weight (e.g. event count) instead of using 1.</summary>
    public bool UseEdgeWeights { get; init; }

    public static FraudarParameters Default { get; } = new();
}
