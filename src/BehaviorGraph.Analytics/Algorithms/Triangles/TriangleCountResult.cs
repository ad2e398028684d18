namespace BehaviorGraph.Analytics.Algorithms.Triangles;

/// <summary>
/// Triangles through each node, local clustering coefficient (0 for degree &lt; 2), the global triangle count,
/// the mean local coefficient over all nodes, and global transitivity (3 × triangles / connected triples).
/// </summary>
public sealed record TriangleCountResult(
    long[] Triangles,
    double[] LocalClustering,
    long TriangleCount,
    double AverageClustering,
    double Transitivity);
