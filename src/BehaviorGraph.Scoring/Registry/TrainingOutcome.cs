using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Evaluation;

namespace BehaviorGraph.Scoring.Registry;

/// <summary>A registered model, the cross-validation behind its metrics, the gate's verdict and the labels that were skipped.</summary>
public sealed record TrainingOutcome(
    ModelInfo Model,
    CrossValidationResult CrossValidation,
    PromotionDecision Promotion,
    int Examples,
    IReadOnlyList<string> UnknownAccounts);
