namespace BehaviorGraph.Core.Scoring;

/// <summary>
/// A registered model without its bytes: the version, the trainer and its settings, the ordered feature names it
/// was trained on, a hash of the training data, cross-validated metrics, and whether it is the promoted model.
/// </summary>
public sealed record ModelInfo(
    string Version,
    string Trainer,
    IReadOnlyList<string> FeatureNames,
    string TrainingDataHash,
    ModelMetrics Metrics,
    IReadOnlyDictionary<string, string> Settings,
    DateTimeOffset CreatedAt,
    bool Promoted);
