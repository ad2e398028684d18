namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// Lockstep settings. Two actors co-act on a target when both engage it within <see cref="WindowMs"/> of each
/// other (a sliding window, so there are no bucket boundaries to fall across). A stretch of one target's timeline
/// where more than <see cref="MaxEventsPerWindow"/> events fall inside one window is a viral burst and yields no
/// pairs: many strangers on one target must not form a cluster. A pair is kept when it co-acted on at least
/// <see cref="MinSharedTargets"/> distinct targets; kept pairs are peeled to the sub-graph where every actor keeps
/// at least <see cref="MinPairDegree"/> partners, and its connected components of at least
/// <see cref="MinGroupSize"/> actors are the groups.
/// </summary>
public sealed record LockstepParameters
{
    public long WindowMs { get; init; } = 10 * 60 * 1000;

    public int MaxEventsPerWindow { get; init; } = 50;

    public int MinSharedTargets { get; init; } = 3;

    public int MinPairDegree { get; init; } = 1;

    public int MinGroupSize { get; init; } = 2;

    public static LockstepParameters Default { get; } = new();
}
