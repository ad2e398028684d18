namespace BehaviorGraph.Analytics.Projection;

/// <summary>What the projector read and what it dropped, and why.</summary>
public sealed record ProjectionStats(
    long NodesRead,
    long NodesKept,
    long EdgesRead,
    long EdgesKept,
    long EdgesOfOtherTypes,
    long EdgesWithMissingEndpoint,
    long SelfLoopsDropped);
