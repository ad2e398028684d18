namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// A group of actors acting in lockstep, with its evidence: members (dense and external ids), kept pairs among them,
/// the distinct targets those pairs share, co-actions (pair × target), and the median time between the two actors
/// of a co-action (tightness; smaller is more synchronised).
/// </summary>
public sealed record LockstepGroup(
    int[] Members,
    long[] MemberIds,
    int PairCount,
    long[] SharedTargetIds,
    long CoActions,
    long MedianSpreadMs)
{
    public int MemberCount => Members.Length;

    public int SharedTargetCount => SharedTargetIds.Length;
}
