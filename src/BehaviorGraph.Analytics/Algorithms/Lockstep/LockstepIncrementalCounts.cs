namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// What an incremental lockstep run re-examined: targets with new engagements out of all targets, the engagements on
/// them re-paired (those within the widest window before a new one, in the old and in the new timelines), the distinct
/// pairs co-acting there before and after, the pairs re-counted over
/// every target they share (co-acting on a touched target, or tested before), and of those the tested pairs carried
/// from the previous run without a co-action on a touched target (their counts are unchanged, their chance is
/// re-evaluated against the moved platform rates).
/// </summary>
internal sealed record LockstepIncrementalCounts(int TouchedTargets, int Targets, long RepairedEngagements, long TouchedPairsBefore, long TouchedPairsAfter, long Recounted, long Carried);
