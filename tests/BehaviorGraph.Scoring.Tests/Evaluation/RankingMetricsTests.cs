using BehaviorGraph.Scoring.Evaluation;

namespace BehaviorGraph.Scoring.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    // Ranking, best first: P(0.9) N(0.8) P(0.7) N(0.6).
    private static readonly double[] Scores = [0.6, 0.9, 0.7, 0.8];
    private static readonly bool[] Labels = [false, true, true, false];

    [Fact]
    public void Auc_CountsCorrectlyOrderedPairs()
    {
        // Pairs (P, N): (0.9, 0.8) (0.9, 0.6) (0.7, 0.6) right, (0.7, 0.8) wrong → 3/4.
        Assert.Equal(0.75, RankingMetrics.Auc(Scores, Labels)!.Value, 12);
    }

    [Fact]
    public void Auc_GivesTiedPairsOneHalf()
    {
        // (0.5P, 0.5N) tie = 0.5, (0.5P, 0.1N) = 1, (0.9P, both) = 2 → 3.5/4.
        Assert.Equal(0.875, RankingMetrics.Auc([0.5, 0.5, 0.9, 0.1], [true, false, true, false])!.Value, 12);
    }

    [Fact]
    public void Auc_IsNull_WithOneClassOnly()
    {
        Assert.Null(RankingMetrics.Auc([0.1, 0.2], [true, true]));
    }

    [Fact]
    public void AveragePrecision_AveragesPrecisionAtEachPositive()
    {
        // Precision 1/1 at the first positive, 2/3 at the second: (1 + 2/3) / 2.
        Assert.Equal(5.0 / 6.0, RankingMetrics.AveragePrecision(Scores, Labels)!.Value, 12);
    }

    [Fact]
    public void AveragePrecision_TreatsATieGroupAsOneThreshold()
    {
        // {0.9 P} → precision 1; {0.5 P, 0.5 N} → precision 2/3 for the second positive.
        Assert.Equal(5.0 / 6.0, RankingMetrics.AveragePrecision([0.9, 0.5, 0.5, 0.1], [true, true, false, false])!.Value, 12);
    }

    [Fact]
    public void PrecisionAtK_DefaultsKToThePositiveCount()
    {
        var metrics = RankingMetrics.Compute(Scores, Labels, k: null, reviewThreshold: 0.75);

        Assert.Equal(2, metrics.K);
        Assert.Equal(0.5, metrics.PrecisionAtK);
        Assert.Equal(1.0, RankingMetrics.PrecisionAtK(Scores, Labels, 1));
    }

    [Fact]
    public void RecallAtThreshold_CountsPositivesAtOrAboveIt()
    {
        Assert.Equal(0.5, RankingMetrics.RecallAtThreshold(Scores, Labels, 0.75));
        Assert.Equal(1.0, RankingMetrics.RecallAtThreshold(Scores, Labels, 0.7));
    }
}
