namespace BehaviorGraph.Analytics.Algorithms.Rev2;

/// <summary>
/// Fairness and goodness on a signed rating graph, after Kumar et al. 2018 (REV2) without its priors. Ratings are
/// normalised to [-1, 1]. Starting from fairness 1 for everyone, alternate
/// goodness G(v) = Σ F(u)·s(u,v) / Σ F(u) over v's raters, then
/// fairness F(u) = mean over u's ratings of 1 − |s(u,v) − G(v)| / 2,
/// until no value moves by more than the tolerance. Accounts that never rated keep fairness 1; accounts never rated
/// keep goodness 0.
/// </summary>
internal static class Rev2
{
    public static Rev2Result Run(Rev2Input input, Rev2Parameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(parameters.MaxIterations);
        ArgumentOutOfRangeException.ThrowIfNegative(parameters.Tolerance);
        if (input.Ratees.Length != input.Ratings || input.Scores.Length != input.Ratings)
        {
            throw new ArgumentException($"REV2 needs one rater, ratee and score per rating; got {input.Ratings}, {input.Ratees.Length} and {input.Scores.Length}.", nameof(input));
        }

        var (accounts, raters, ratees, scores) = (input.Accounts, input.Raters, input.Ratees, input.Scores);
        var (maxIterations, tolerance) = (parameters.MaxIterations, parameters.Tolerance);
        var fairness = new double[accounts];
        var goodness = new double[accounts];
        Array.Fill(fairness, 1.0);
        var weight = new double[accounts];
        var sum = new double[accounts];
        var given = new int[accounts];
        foreach (var r in raters)
        {
            given[r]++;
        }

        var delta = double.PositiveInfinity;
        var iterations = 0;
        while (iterations < maxIterations && delta > tolerance)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            Array.Clear(weight);
            Array.Clear(sum);
            for (var k = 0; k < raters.Length; k++)
            {
                weight[ratees[k]] += fairness[raters[k]];
                sum[ratees[k]] += fairness[raters[k]] * scores[k];
            }

            delta = 0;
            for (var v = 0; v < accounts; v++)
            {
                var g = weight[v] > 0 ? sum[v] / weight[v] : 0;
                delta = Math.Max(delta, Math.Abs(g - goodness[v]));
                goodness[v] = g;
            }

            Array.Clear(sum);
            for (var k = 0; k < raters.Length; k++)
            {
                sum[raters[k]] += 1 - (Math.Abs(scores[k] - goodness[ratees[k]]) / 2);
            }

            for (var u = 0; u < accounts; u++)
            {
                var f = given[u] > 0 ? sum[u] / given[u] : 1.0;
                delta = Math.Max(delta, Math.Abs(f - fairness[u]));
                fairness[u] = f;
            }
        }

        progress?.Report(1.0);
        return new Rev2Result(fairness, goodness, iterations, delta <= tolerance, delta);
    }
}
