using System.Text.Json;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace BehaviorGraph.Storage.Postgres.Analysis;

/// <summary>
/// Analysis runs with their feature snapshot (binary COPY) and clusters, written in one transaction with the
/// run's completion mark so readers of the latest complete run never see half a run.
/// </summary>
internal sealed class PostgresFeatureStore(NpgsqlDataSource dataSource) : IFeatureStore
{
    public const int RunsKept = 5;

    public async Task<long> BeginRunAsync(string description, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO analysis_runs (description, started_at) VALUES (@description, @now) RETURNING id",
            new { description, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task CompleteRunAsync(long runId, IReadOnlyList<string> featureNames, IReadOnlyList<AccountFeatureRow> rows, IReadOnlyList<DetectedCluster> clusters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        FeatureRows.EnsureWidth(featureNames, rows);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE analysis_runs SET completed_at = @now, feature_names = @names WHERE id = @runId AND completed_at IS NULL",
            new { runId, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), names = featureNames.ToArray() },
            transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Analysis run {runId} does not exist or is already complete.");
        }

        await using (var importer = await connection.BeginBinaryImportAsync("COPY account_features (run_id, account, vals) FROM STDIN (FORMAT BINARY)", cancellationToken))
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

        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TEMP TABLE old_runs ON COMMIT DROP AS
                SELECT id FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC OFFSET @kept;
            DELETE FROM account_features WHERE run_id IN (SELECT id FROM old_runs);
            DELETE FROM cluster_members WHERE run_id IN (SELECT id FROM old_runs);
            DELETE FROM clusters WHERE run_id IN (SELECT id FROM old_runs);
            """,
            new { kept = RunsKept }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<FeatureSnapshot?> GetLatestSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var run = await connection.QuerySingleOrDefaultAsync<(long Id, long CompletedAt, string[] Names)?>(new CommandDefinition(
            "SELECT id, completed_at, feature_names FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC LIMIT 1",
            cancellationToken: cancellationToken));
        if (run is not { } latest)
        {
            return null;
        }

        var rows = new List<AccountFeatureRow>();
        await using var command = new NpgsqlCommand("SELECT account, vals FROM account_features WHERE run_id = @run ORDER BY account", connection);
        command.Parameters.AddWithValue("run", latest.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AccountFeatureRow(reader.GetString(0), reader.GetFieldValue<float[]>(1)));
        }

        return new FeatureSnapshot(latest.Id, DateTimeOffset.FromUnixTimeMilliseconds(latest.CompletedAt), latest.Names, rows);
    }
}
