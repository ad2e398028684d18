namespace BehaviorGraph.Analytics.Detectors.Bots;

/// <summary>
/// Bot-cluster detection (<see cref="BotDetector"/>): lockstep co-action on like, share, view, follow and comment
/// events, tested against chance (see <see cref="Algorithms.Lockstep.Lockstep"/>): a pair of accounts is in lockstep
/// when it co-acted on more of the targets both engaged than the platform's own co-action rates for such targets
/// explain, at a false discovery rate.
/// A group's score is <see cref="SignificanceWeight"/> × significance + <see cref="SizeWeight"/> × size, each in [0, 1].
/// </summary>
public sealed record BotParameters
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

    /// <summary>Group size at which the size part of the score saturates (log scale from 1).</summary>
    public int SizeSaturation { get; init; } = 10;

    /// <summary>
    /// The significance part of the score counts fully when the median pair's chance of co-acting that much by accident
    /// is e^−this or less, and falls linearly to 0 at chance 1.
    /// </summary>
    public double FullSignificanceLogChance { get; init; } = 30;

    /// <summary>Weight of significance (the median pair's chance) in the score.</summary>
    public double SignificanceWeight { get; init; } = 0.7;

    /// <summary>Weight of the group's size in the score.</summary>
    public double SizeWeight { get; init; } = 0.3;

    /// <summary>
    /// A group whose co-actions fall on its own members (their content, or themselves) at this share or more is a
    /// community engaging its own posts, the ring detector's to judge: not reported as bots (its members keep their
    /// lockstep features).
    /// </summary>
    public double MaxInternalShare { get; init; } = 0.5;
}
