namespace BehaviorGraph.Core.Scoring;

/// <summary>
/// Ranking quality of a model's probabilities against labels. <see cref="Auc"/> and <see cref="Auprc"/> are null
/// when the labels hold only one class; <see cref="PrecisionAtK"/> is the share of abusive accounts among the
/// <see cref="K"/> highest scores; <see cref="RecallAtReview"/> the share of abusive accounts scored at or above the
/// review threshold.
/// </summary>
public sealed record ModelMetrics(
    double? Auc,
    double? Auprc,
    double? PrecisionAtK,
    int K,
    double? RecallAtReview,
    int Positives,
    int Negatives);
