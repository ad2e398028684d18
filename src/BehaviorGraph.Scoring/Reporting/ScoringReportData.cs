using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Evaluation;

namespace BehaviorGraph.Scoring.Reporting;

/// <summary>What the report shows: the model, its cross-validation, feature importance and the detected clusters' sizes.</summary>
public sealed record ScoringReportData(
    ModelInfo? Model,
    CrossValidationResult CrossValidation,
    IReadOnlyList<FeatureImportance> Importance,
    IReadOnlyList<int> ClusterSizes);
