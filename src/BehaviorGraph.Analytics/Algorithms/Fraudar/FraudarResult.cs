namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

/// <summary>
/// Blocks in the order found (densest first in practice), and the density of the whole graph before peeling, so a
/// block can be judged against its background.
/// </summary>
public sealed record FraudarResult(IReadOnlyList<FraudarBlock> Blocks, double GraphDensity);
