namespace BehaviorGraph.Analytics.Algorithms.Rev2;

/// <summary>
/// A signed rating graph over accounts 0..<see cref="Accounts"/>-1, one entry per rating: its rater, its ratee and its
/// score normalised to [-1, 1].
/// </summary>
internal sealed record Rev2Input(int Accounts, int[] Raters, int[] Ratees, double[] Scores)
{
    public int Ratings => Raters.Length;
}
