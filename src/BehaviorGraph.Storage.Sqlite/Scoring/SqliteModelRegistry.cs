using System.Data.Common;
using System.Text.Json;
using BehaviorGraph.Storage.Relational;
using BehaviorGraph.Storage.Relational.Scoring;

namespace BehaviorGraph.Storage.Sqlite.Scoring;

/// <summary>The shared model registry; feature names are a JSON array, and a write transaction already serialises promoters.</summary>
internal sealed class SqliteModelRegistry(RelationalDialect dialect) : RelationalModelRegistry(dialect, "feature_names")
{
    protected override object FeatureNamesValue(IReadOnlyList<string> featureNames) => JsonSerializer.Serialize(featureNames, StoreJson.Options);

    protected override Task SerialisePromotersAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;
}
