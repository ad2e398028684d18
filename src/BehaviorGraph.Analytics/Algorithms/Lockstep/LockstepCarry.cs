namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// What a lockstep run leaves for an incremental run on more engagements (see <see cref="Lockstep.RunIncremental"/>):
/// how many engagements it read, how many (pair, target) co-action records it emitted, how many distinct pairs co-acted at
/// all (the Benjamini–Hochberg m), and the pairs with
/// enough co-actions to be tested (keys a&lt;&lt;32|b over dense actors, a &lt; b, ascending).
/// </summary>
internal sealed record LockstepCarry(int EngagementCount, long CoActionRecords, long CoActingPairs, long[] TestedKeys);
