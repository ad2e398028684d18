namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// Groups (largest first) and the counts that explain them: events and targets scanned, events dropped as part of
/// a burst, distinct (pair, target) co-actions, distinct pairs, and pairs meeting the shared-target threshold.
/// </summary>
public sealed record LockstepResult(
    IReadOnlyList<LockstepGroup> Groups,
    int EventCount,
    int TargetCount,
    long BurstEventsSkipped,
    long CoActions,
    long CandidatePairs,
    long KeptPairs);
