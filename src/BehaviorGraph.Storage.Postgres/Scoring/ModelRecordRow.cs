namespace BehaviorGraph.Storage.Postgres.Scoring;

/// <summary>A model row with its bytes.</summary>
internal sealed record ModelRecordRow(
    string Version,
    string Trainer,
    string FeatureNames,
    string TrainingHash,
    string Metrics,
    string Settings,
    long CreatedAt,
    bool Promoted,
    byte[] Model)
{
    public const string Columns = ModelRow.Columns + ", model";

    public Core.Scoring.ModelRecord ToRecord() =>
        new(new ModelRow(Version, Trainer, FeatureNames, TrainingHash, Metrics, Settings, CreatedAt, Promoted).ToInfo(), Model);
}
