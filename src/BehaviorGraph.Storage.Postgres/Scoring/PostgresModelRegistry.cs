using System.Data.Common;
using BehaviorGraph.Storage.Relational;
using BehaviorGraph.Storage.Relational.Scoring;
using Dapper;

namespace BehaviorGraph.Storage.Postgres.Scoring;

/// <summary>The shared model registry; feature names are a text[], and a partial unique index allows at most one promoted model.</summary>
internal sealed class PostgresModelRegistry(RelationalDialect dialect) : RelationalModelRegistry(dialect, "to_json(feature_names)::text")
{
    protected override object FeatureNamesValue(IReadOnlyList<string> featureNames) => featureNames.ToArray();

    /// <summary>
    /// Two promoting different versions at once would otherwise both clear the old flag from their snapshot and the
    /// second would hit the unique index. Readers are not blocked.
    /// </summary>
    protected override Task SerialisePromotersAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "LOCK TABLE models IN SHARE ROW EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken));
}
