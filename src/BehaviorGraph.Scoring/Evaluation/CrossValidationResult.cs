using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Evaluation;

/// <summary>
/// Grouped, stratified k-fold results: the overall metrics over the pooled out-of-fold predictions, each fold's own
/// metrics, and the predictions themselves (for curves). <see cref="Folds"/> can be fewer than requested when the
/// labels hold fewer groups of a class than folds.
/// </summary>
public sealed record CrossValidationResult(
    ModelMetrics Overall,
    IReadOnlyList<FoldMetrics> FoldResults,
    IReadOnlyList<OutOfFoldPrediction> Predictions,
    int RequestedFolds,
    int Folds);
