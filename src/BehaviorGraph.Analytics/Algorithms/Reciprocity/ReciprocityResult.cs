namespace BehaviorGraph.Analytics.Algorithms.Reciprocity;

/// <summary>
/// Per node: out-edges (self-loops excluded), how many are answered by an edge back, and the share (0 with no
/// out-edges). Global: reciprocated out-edges over all out-edges.
/// </summary>
public sealed record ReciprocityResult(int[] OutEdges, int[] Reciprocated, double[] Share, long TotalEdges, long TotalReciprocated)
{
    public double Global => TotalEdges == 0 ? 0 : (double)TotalReciprocated / TotalEdges;
}
