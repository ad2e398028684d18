namespace BehaviorGraph.Neo4j.Store;

/// <summary>What a scoring run concluded about one account, written back onto its Account node.</summary>
public sealed record AccountAnnotation(
    string AccountKey,
    double Score,
    string Decision,
    string ModelVersion,
    IReadOnlyList<string> ClusterIds);
