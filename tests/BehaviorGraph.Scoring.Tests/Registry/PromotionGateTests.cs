using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Registry;

namespace BehaviorGraph.Scoring.Tests.Registry;

public sealed class PromotionGateTests
{
    private static readonly PromotionGateOptions Gate = new(AuprcTolerance: 0.02, MinimumAuc: 0.8);

    private static ModelInfo Info(string version, double? auc, double? auprc) =>
        TestModels.Model(version, 0, DateTimeOffset.UnixEpoch).Info with { Metrics = new ModelMetrics(auc, auprc, null, 0, null, 1, 1) };

    [Fact]
    public void Evaluate_RefusesACandidate_WorseThanThePromotedBeyondTolerance()
    {
        var decision = PromotionGate.Evaluate(Info("new", 0.95, 0.77), Info("old", 0.95, 0.80), Gate);

        Assert.False(decision.Promoted);
        Assert.Contains("refused: AUPRC 0.7700 is below old's 0.8000", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PromotesACandidate_WithinTolerance()
    {
        Assert.True(PromotionGate.Evaluate(Info("new", 0.95, 0.785), Info("old", 0.95, 0.80), Gate).Promoted);
    }

    [Fact]
    public void Evaluate_PromotesTheFirstModel_OnlyAboveTheMinimumAuc()
    {
        Assert.True(PromotionGate.Evaluate(Info("first", 0.81, 0.1), null, Gate).Promoted);
        Assert.False(PromotionGate.Evaluate(Info("first", 0.79, 0.9), null, Gate).Promoted);
        Assert.False(PromotionGate.Evaluate(Info("first", null, null), null, Gate).Promoted);
    }
}
