namespace BehaviorGraph.Analytics.Detectors;

/// <summary>The per-account feature columns a detector's clusters give: the best score of a cluster holding the account, and that cluster's size.</summary>
internal static class ClusterColumns
{
    /// <summary>Score and size columns, 0 for accounts in no cluster.</summary>
    public static (float[] Score, float[] Size) ScoreAndSize(IReadOnlyList<ClusterCandidate> clusters, int accounts)
    {
        var score = new float[accounts];
        var size = new float[accounts];
        Assign(clusters, score, size);
        return (score, size);
    }

    /// <summary>
    /// Writes each cluster's score and size for its members: a member keeps the highest-scoring cluster it is in, and a
    /// size of 1 or less (nobody, or the account alone) always gives way to a cluster.
    /// </summary>
    public static void Assign(IReadOnlyList<ClusterCandidate> clusters, float[] score, float[] size)
    {
        foreach (var cluster in clusters)
        {
            foreach (var m in cluster.Members)
            {
                if (cluster.Score > score[m] || size[m] <= 1)
                {
                    score[m] = (float)cluster.Score;
                    size[m] = cluster.Members.Length;
                }
            }
        }
    }
}
