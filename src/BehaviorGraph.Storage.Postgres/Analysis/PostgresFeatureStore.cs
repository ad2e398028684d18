using System.Data.Common;
using System.Text.Json;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Storage.Relational;
using BehaviorGraph.Storage.Relational.Analysis;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace BehaviorGraph.Storage.Postgres.Analysis;

/// <summary>The shared feature store; feature values are a real[] per account, copied in (binary COPY), and feature names a text[].</summary>
internal sealed class PostgresFeatureStore(RelationalDialect dialect) : RelationalFeatureStore(dialect)
{
    protected override object FeatureNamesValue(IReadOnlyList<string> featureNames) => featureNames.ToArray();

    protected override IReadOnlyList<string> FeatureNamesOf(object stored) => (string[])stored;

    protected override async Task<IReadOnlyList<AccountFeatureRow>> ReadFeatureRowsAsync(DbConnection connection, long runId, CancellationToken cancellationToken)
    {
        var rows = new List<AccountFeatureRow>();
        await using var command = new NpgsqlCommand("SELECT account, vals FROM account_features WHERE run_id = @run ORDER BY account", (NpgsqlConnection)connection);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AccountFeatureRow(reader.GetString(0), reader.GetFieldValue<float[]>(1)));
        }

        return rows;
    }

    protected override async Task InsertFeaturesAsync(DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<AccountFeatureRow> rows, CancellationToken cancellationToken)
    {
        await using (var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync("COPY account_features (run_id, account, vals) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(row.Account, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Values, NpgsqlDbType.Array | NpgsqlDbType.Real, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    protected override async Task InsertClustersAsync(DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<DetectedCluster> clusters, CancellationToken cancellationToken)
    {
        foreach (var cluster in clusters)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO clusters (run_id, id, kind, score, size, evidence, figures)
                VALUES (@runId, @Id, @kind, @Score, @size, @Evidence, CAST(@figures AS jsonb));
                INSERT INTO cluster_members (run_id, cluster_id, account)
                SELECT @runId, @Id, m FROM unnest(@members) AS m ON CONFLICT DO NOTHING;
                """,
                new
                {
                    runId, cluster.Id, kind = (short)cluster.Kind, cluster.Score, size = cluster.Members.Count, cluster.Evidence,
                    figures = JsonSerializer.Serialize(cluster.Figures), members = cluster.Members.ToArray(),
                },
                transaction, cancellationToken: cancellationToken));
        }
    }
}
