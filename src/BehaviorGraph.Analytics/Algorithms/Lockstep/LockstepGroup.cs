namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// A group of actors acting in lockstep, with its evidence: members (dense and external ids), the significant pairs
/// among them, the distinct targets those pairs co-acted on, their co-actions at the group's scale against the number
/// chance predicts for the same pairs and targets, the median time between the two actors of those co-actions, and the
/// median pair's chance (natural log of the bound; −30 means e^−30).
/// </summary>
public sealed record LockstepGroup(
    int[] Members,
    long[] MemberIds,
    int PairCount,
    long[] SharedTargetIds,
    long CoActions,
    double ExpectedCoActions,
    long MedianSpreadMs,
    long WindowMs,
    double MedianPairLogChance)
{
    public int MemberCount => Members.Length;

    public int SharedTargetCount => SharedTargetIds.Length;
}
