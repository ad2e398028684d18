namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

/// <summary>
/// FRAUDAR settings. An edge into a target with in-degree x weighs 1 / ln(x + <see cref="ColumnConstant"/>), so
/// edges to popular targets (camouflage) count little. Up to <see cref="MaxBlocks"/> blocks are peeled, each from
/// the graph left after removing the previous blocks' edges, stopping early when a block's density falls below
/// <see cref="MinDensity"/> or has fewer than <see cref="MinSources"/> sources. With a <see cref="CoreThreshold"/>,
/// every side-node whose remaining suspiciousness is below it is pruned first (repeatedly, to the threshold's core):
/// a block of density g has no member with less than g inside it (nor, degree-corrected, with less than g above its
/// prediction), so a block at least that dense is never lost, and later blocks peel only the small core instead of
/// the whole graph.
/// </summary>
public sealed record FraudarParameters
{
    public double ColumnConstant { get; init; } = 5.0;

    public int MaxBlocks { get; init; } = 1;

    public double MinDensity { get; init; }

    /// <summary>Prune side-nodes carrying less suspiciousness than this before each peel (0: no pruning).</summary>
    public double CoreThreshold { get; init; }

    /// <summary>
    /// Peel for suspiciousness above what the nodes' degrees predict: g(S) = (f(S) − E[f(S)]) / |S|, where E[f(S)] =
    /// (Σ out-degrees of the sources) · (Σ in-degree × column weight of the targets) / edges, the expectation when
    /// edges fall at random between the same degrees. A core of heavy accounts and popular targets is then what
    /// chance predicts and scores near 0, while a planted block stands out whatever its background.
    /// </summary>
    public bool DegreeCorrected { get; init; }

    public int MinSources { get; init; } = 1;

    /// <summary>Multiply the column weight by the projection's edge weight (e.g. event count) instead of using 1.</summary>
    public bool UseEdgeWeights { get; init; }

    public static FraudarParameters Default { get; } = new();
}
