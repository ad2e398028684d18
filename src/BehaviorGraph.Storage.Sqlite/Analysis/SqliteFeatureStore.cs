using System.Runtime.InteropServices;
using System.Text.Json;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Analysis;

/// <summary>
/// Analysis runs with their feature snapshot and clusters. A run's rows are written in one transaction together
/// with its completion mark, so readers of "the latest complete run" never see half a run.
/// </summary>
internal sealed class SqliteFeatureStore(SqliteConnectionFactory connections) : IFeatureStore
{
    /// <summary>Complete runs kept; older runs' features and clusters are deleted when a new run completes.</summary>
    public const int RunsKept = 5;

    public async Task<long> BeginRunAsync(string description, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO analysis_runs (description, started_at) VALUES (@description, @now) RETURNING id",
            new { description, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task CompleteRunAsync(long runId, IReadOnlyList<string> featureNames, IReadOnlyList<AccountFeatureRow> rows, IReadOnlyList<DetectedCluster> clusters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        FeatureRows.EnsureWidth(featureNames, rows);

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE analysis_runs SET completed_at = @now, feature_names = @names WHERE id = @runId AND completed_at IS NULL",
            new { runId, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), names = JsonSerializer.Serialize(featureNames) },
            transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Analysis run {runId} does not exist or is already complete.");
        }

        InsertFeatures(connection, transaction, runId, rows);
        InsertClusters(connection, transaction, runId, clusters);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM account_features WHERE run_id IN (SELECT id FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC LIMIT -1 OFFSET @kept);
            DELETE FROM cluster_members WHERE run_id IN (SELECT id FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC LIMIT -1 OFFSET @kept);
            DELETE FROM clusters WHERE run_id IN (SELECT id FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC LIMIT -1 OFFSET @kept);
            """,
            new { kept = RunsKept }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<FeatureSnapshot?> GetLatestSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var run = await connection.QuerySingleOrDefaultAsync<(long Id, long CompletedAt, string Names)?>(new CommandDefinition(
            "SELECT id, completed_at, feature_names FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC LIMIT 1",
            cancellationToken: cancellationToken));
        if (run is not { } latest)
        {
            return null;
        }

        var names = JsonSerializer.Deserialize<string[]>(latest.Names) ?? [];
        var rows = new List<AccountFeatureRow>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT account, vals FROM account_features WHERE run_id = $run ORDER BY account";
        command.Parameters.AddWithValue("$run", latest.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bytes = (byte[])reader.GetValue(1);
            rows.Add(new AccountFeatureRow(reader.GetString(0), MemoryMarshal.Cast<byte, float>(bytes).ToArray()));
        }

        return new FeatureSnapshot(latest.Id, DateTimeOffset.FromUnixTimeMilliseconds(latest.CompletedAt), names, rows);
    }

    private static void InsertFeatures(SqliteConnection connection, SqliteTransaction transaction, long runId, IReadOnlyList<AccountFeatureRow> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO account_features (run_id, account, vals) VALUES ($run, $account, $vals)";
        var run = command.Parameters.AddWithValue("$run", runId);
        var account = command.Parameters.Add("$account", SqliteType.Text);
        var vals = command.Parameters.Add("$vals", SqliteType.Blob);
        command.Prepare();
        foreach (var row in rows)
        {
            account.Value = row.Account;
            vals.Value = MemoryMarshal.AsBytes(row.Values.AsSpan()).ToArray();
            command.ExecuteNonQuery();
        }
    }

    private static void InsertClusters(SqliteConnection connection, SqliteTransaction transaction, long runId, IReadOnlyList<DetectedCluster> clusters)
    {
        using var insertCluster = connection.CreateCommand();
        insertCluster.Transaction = transaction;
        insertCluster.CommandText =
            "INSERT INTO clusters (run_id, id, kind, score, size, evidence, figures) VALUES ($run, $id, $kind, $score, $size, $evidence, $figures)";
        using var insertMember = connection.CreateCommand();
        insertMember.Transaction = transaction;
        insertMember.CommandText = "INSERT OR IGNORE INTO cluster_members (run_id, cluster_id, account) VALUES ($run, $cluster, $account)";
        insertMember.Parameters.AddWithValue("$run", runId);
        var memberCluster = insertMember.Parameters.Add("$cluster", SqliteType.Text);
        var memberAccount = insertMember.Parameters.Add("$account", SqliteType.Text);
        foreach (var cluster in clusters)
        {
            insertCluster.Parameters.Clear();
            insertCluster.Parameters.AddWithValue("$run", runId);
            insertCluster.Parameters.AddWithValue("$id", cluster.Id);
            insertCluster.Parameters.AddWithValue("$kind", (int)cluster.Kind);
            insertCluster.Parameters.AddWithValue("$score", cluster.Score);
            insertCluster.Parameters.AddWithValue("$size", cluster.Members.Count);
            insertCluster.Parameters.AddWithValue("$evidence", cluster.Evidence);
            insertCluster.Parameters.AddWithValue("$figures", JsonSerializer.Serialize(cluster.Figures));
            insertCluster.ExecuteNonQuery();
            memberCluster.Value = cluster.Id;
            foreach (var member in cluster.Members)
            {
                memberAccount.Value = member;
                insertMember.ExecuteNonQuery();
            }
        }
    }
}
