using System.Text.Json;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Storage.Postgres.Scoring;

internal sealed record ModelRow(
    string Version,
    string Trainer,
    string FeatureNames,
    string TrainingHash,
    string Metrics,
    string Settings,
    long CreatedAt,
    bool Promoted)
{
    public const string Columns =
        "version, trainer, to_json(feature_names)::text AS featureNames, training_hash AS trainingHash, metrics::text AS metrics, settings::text AS settings, created_at AS createdAt, promoted";

    public ModelInfo ToInfo() => new(
        Version,
        Trainer,
        JsonSerializer.Deserialize<string[]>(FeatureNames, StoreJson.Options) ?? [],
        TrainingHash,
        JsonSerializer.Deserialize<ModelMetrics>(Metrics, StoreJson.Options)
            ?? throw new InvalidOperationException($"Model {Version} has no metrics."),
        JsonSerializer.Deserialize<Dictionary<string, string>>(Settings, StoreJson.Options) ?? [],
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        Promoted);
}
