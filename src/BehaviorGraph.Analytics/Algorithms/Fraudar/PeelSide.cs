namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

/// <summary>
/// One side-node of a degree-corrected peel: the suspiciousness of its edges still inside the peel, and its prediction
/// factor (a source's out-degree, a target's column mass). Kept together so that updating a neighbour touches one
/// cache line.
/// </summary>
internal struct PeelSide
{
    public double InBlock;

    public double Mass;
}
