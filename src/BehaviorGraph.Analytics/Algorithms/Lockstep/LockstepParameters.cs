namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// Lockstep settings. Two actors co-act on a target at scale W when their first engagements of it lie within W of
/// each other (a sliding window: no bucket boundaries). Each scale in <see cref="WindowsMs"/> is tested, so a job run
/// within two minutes and one spread over an hour are both seen. A pair is tested when it co-acted on at least
/// <see cref="MinSharedTargets"/> targets at the widest scale, against the co-action its shared targets give by chance
/// (see <see cref="Lockstep"/>); pairs significant at the <see cref="FalseDiscoveryRate"/> (Benjamini–Hochberg over
/// every pair that co-acted at all) are peeled to at least <see cref="MinPairDegree"/> partners, and their connected
/// components of at least <see cref="MinGroupSize"/> actors are the groups. An event is paired with at most
/// <see cref="MaxPartners"/> later events of its target: where a window holds more (a viral stretch), it pairs only
/// within the widest shorter window that holds fewer, or not at all.
/// </summary>
public sealed record LockstepParameters
{
    /// <summary>Co-action scales, shortest first.</summary>
    public IReadOnlyList<long> WindowsMs { get; init; } = [2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000];

    public int MaxPartners { get; init; } = 200;

    public int MinSharedTargets { get; init; } = 3;

    public double FalseDiscoveryRate { get; init; } = 0.01;

    public int MinPairDegree { get; init; } = 1;

    public int MinGroupSize { get; init; } = 2;

    public static LockstepParameters Default { get; } = new();
}
