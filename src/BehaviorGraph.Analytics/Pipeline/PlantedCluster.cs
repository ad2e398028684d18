namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>A known (planted or labelled) cluster: id, kind as written in the truth file (ring, bot…), member account keys.</summary>
public sealed record PlantedCluster(string Id, string Kind, IReadOnlyList<string> Members);
