namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// Groups (largest first) and the counts that explain them: first engagements and targets scanned, engagements whose
/// pairing was cut short by a flooded window, (pair, target) co-actions recorded, distinct pairs that co-acted, pairs
/// tested, pairs significant at the false discovery rate, and pairs left after peeling.
/// </summary>
public sealed record LockstepResult(
    IReadOnlyList<LockstepGroup> Groups,
    int EventCount,
    int TargetCount,
    long FloodedEvents,
    long CoActions,
    long CandidatePairs,
    long TestedPairs,
    long SignificantPairs,
    long KeptPairs);
