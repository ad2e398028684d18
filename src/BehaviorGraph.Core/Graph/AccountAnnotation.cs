namespace BehaviorGraph.Core.Graph;

/// <summary>What a scoring run concluded about one account, written back onto its node in a graph store.</summary>
public sealed record AccountAnnotation(
    string AccountKey,
    double Score,
    string Decision,
    string ModelVersion,
    IReadOnlyList<string> ClusterIds);
