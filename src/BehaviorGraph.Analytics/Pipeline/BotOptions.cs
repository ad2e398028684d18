namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Bot-cluster detection: lockstep co-action on like, share, view, follow and comment events. Two accounts
/// co-act when both engage the same target within <see cref="WindowMs"/>; a pair counts when it co-acted on at
/// least <see cref="MinSharedTargets"/> distinct targets, so one viral moment shared by strangers makes no pair.
/// </summary>
public sealed record BotOptions
{
    /// <summary>Co-action window (10 minutes: scripted jobs finish within minutes, humans drift over hours).</summary>
    public long WindowMs { get; init; } = 10 * 60 * 1000;

    /// <summary>
    /// A stretch of one target's timeline with more events than this inside one window is skipped as a flood (bounds
    /// the pair work); well above the size of a bot job, which must stay visible.
    /// </summary>
    public int MaxEventsPerWindow { get; init; } = 2_000;

    /// <summary>Distinct targets a pair must share in lockstep.</summary>
    public int MinSharedTargets { get; init; } = 3;

    /// <summary>Lockstep partners each member must keep (peels chance pairs hanging off a group).</summary>
    public int MinPairDegree { get; init; } = 2;

    /// <summary>Smallest group reported.</summary>
    public int MinMembers { get; init; } = 3;

    /// <summary>Group size at which the size part of the score saturates.</summary>
    public int SizeSaturation { get; init; } = 10;

    /// <summary>Smallest score of a reported bot cluster.</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>
    /// Largest chance, under even spread of co-action gaps over the window, of a group's synchrony for it to be
    /// reported (a conventional 0.1% level): people who like the same things within the same ten minutes co-act
    /// too, but not faster than chance.
    /// </summary>
    public double MaxSynchronyChance { get; init; } = 1e-3;
}
