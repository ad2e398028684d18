namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>A truth file's planted abusive clusters and its planted hard negatives (benign groups that look suspicious).</summary>
public sealed record ClusterTruth(IReadOnlyList<PlantedCluster> Clusters, IReadOnlyList<PlantedCluster> HardNegatives);
