namespace BehaviorGraph.Analytics.Algorithms.Louvain;

/// <summary>
/// Undirected weighted graph of one Louvain level; a self-loop entry carries twice the weight inside a merged
/// community, so row sums stay the members' total degree.
/// </summary>
internal sealed record LevelGraph(int[] Offsets, int[] Targets, double[] Weights)
{
    public int NodeCount => Offsets.Length - 1;
}
