using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring;

/// <summary>
/// Cross-validation settings: the number of folds, the seed that orders groups into folds, the k of precision@k
/// (null: the number of abusive labels) and the thresholds whose review cut-off recall is measured at.
/// </summary>
public sealed record EvaluationOptions(int Folds = EvaluationOptions.DefaultFolds, int Seed = 42, int? PrecisionAtK = null, DecisionThresholds? Thresholds = null)
{
    public const int DefaultFolds = 10;

    public static EvaluationOptions Default { get; } = new();

    public DecisionThresholds EffectiveThresholds => Thresholds ?? DecisionThresholds.Default;
}
