namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>Orders by time, then by creation sequence, so sorting is total and deterministic.</summary>
internal readonly struct SynEventOrder : IComparer<SynEvent>
{
    public int Compare(SynEvent x, SynEvent y)
    {
        int byTime = x.Ts.CompareTo(y.Ts);
        return byTime != 0 ? byTime : x.Seq.CompareTo(y.Seq);
    }
}
