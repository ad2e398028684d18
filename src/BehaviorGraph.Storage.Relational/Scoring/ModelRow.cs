using System.Text.Json;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Storage.Relational.Scoring;

/// <summary>
/// A models row, with its bytes when selected. JSON columns are read as text; settable properties, so Dapper converts
/// the flag column (SQLite INTEGER, PostgreSQL boolean).
/// </summary>
public sealed class ModelRow
{
    public string Version { get; init; } = "";

    public string Trainer { get; init; } = "";

    public string FeatureNames { get; init; } = "[]";

    public string TrainingHash { get; init; } = "";

    public string Metrics { get; init; } = "";

    public string Settings { get; init; } = "{}";

    public long CreatedAt { get; init; }

    public bool Promoted { get; init; }

    public byte[]? Model { get; init; }

    /// <summary>The columns without the bytes, given how the backend reads its feature-name and JSON columns as text.</summary>
    public static string Columns(string featureNamesJson, RelationalDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return $"version AS Version, trainer AS Trainer, {featureNamesJson} AS FeatureNames, training_hash AS TrainingHash, " +
            $"{dialect.JsonText("metrics")} AS Metrics, {dialect.JsonText("settings")} AS Settings, created_at AS CreatedAt, promoted AS Promoted";
    }

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

    public ModelRecord ToRecord() => new(ToInfo(), Model ?? []);
}
