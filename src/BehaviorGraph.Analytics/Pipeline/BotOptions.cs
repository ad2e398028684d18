namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Bot-cluster detection: lockstep co-action on like, share, view, follow and comment events, tested against chance
/// (see <see cref="Algorithms.Lockstep.Lockstep"/>): a pair of accounts is in lockstep when it co-acted on more of the
/// targets both engaged than the platform's own co-action rates for such targets explain, at a false discovery rate.
/// </summary>
public sealed record BotOptions
{
    /// <summary>Co-action scales: a scripted job may finish in two minutes or be spread over an hour.</summary>
    public IReadOnlyList<long> WindowsMs { get; init; } = [2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000];

    /// <summary>Later events of a target one event pairs with at most (bounds the work on viral stretches).</summary>
    public int MaxPartners { get; init; } = 200;

    /// <summary>Co-actions (targets) a pair needs before it is tested.</summary>
    public int MinSharedTargets { get; init; } = 3;

    /// <summary>Expected share of chance pairs among the pairs called lockstep (Benjamini–Hochberg).</summary>
    public double FalseDiscoveryRate { get; init; } = 0.01;

    /// <summary>Lockstep partners each member must keep (a chance pair does not hang on to a group).</summary>
    public int MinPairDegree { get; init; } = 2;

    /// <summary>Smallest group reported.</summary>
    public int MinMembers { get; init; } = 3;

    /// <summary>Group size at which the size part of the score saturates.</summary>
    public int SizeSaturation { get; init; } = 10;
}
