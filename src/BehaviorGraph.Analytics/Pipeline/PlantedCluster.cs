namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// A known (planted or labelled) cluster: id, kind as written in the truth file (ring, bot, block, farm, identity, or a
/// hard-negative kind such as viral or friends), member account keys, and for engagement blocks the targets (content
/// or account keys) the members engaged.
/// </summary>
public sealed record PlantedCluster(string Id, string Kind, IReadOnlyList<string> Members)
{
    public IReadOnlyList<string> Targets { get; init; } = [];
}
