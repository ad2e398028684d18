using System.Data.Common;
using System.Runtime.InteropServices;
using System.Text.Json;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Storage.Relational;
using BehaviorGraph.Storage.Relational.Analysis;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Analysis;

/// <summary>The shared feature store; feature values are a blob of floats per account, written through prepared statements.</summary>
internal sealed class SqliteFeatureStore(RelationalDialect dialect) : RelationalFeatureStore(dialect)
{
    protected override object FeatureNamesValue(IReadOnlyList<string> featureNames) => JsonSerializer.Serialize(featureNames);

    protected override IReadOnlyList<string> FeatureNamesOf(object stored) => JsonSerializer.Deserialize<string[]>((string)stored) ?? [];

    protected override async Task<IReadOnlyList<AccountFeatureRow>> ReadFeatureRowsAsync(DbConnection connection, long runId, CancellationToken cancellationToken)
    {
        var rows = new List<AccountFeatureRow>();
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.CommandText = "SELECT account, vals FROM account_features WHERE run_id = $run ORDER BY account";
        command.Parameters.AddWithValue("$run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bytes = (byte[])reader.GetValue(1);
            rows.Add(new AccountFeatureRow(reader.GetString(0), MemoryMarshal.Cast<byte, float>(bytes).ToArray()));
        }

        return rows;
    }

    protected override Task InsertFeaturesAsync(DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<AccountFeatureRow> rows, CancellationToken cancellationToken)
    {
        InsertFeatures((SqliteConnection)connection, (SqliteTransaction)transaction, runId, rows);
        return Task.CompletedTask;
    }

    protected override Task InsertClustersAsync(DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<DetectedCluster> clusters, CancellationToken cancellationToken)
    {
        InsertClusters((SqliteConnection)connection, (SqliteTransaction)transaction, runId, clusters);
        return Task.CompletedTask;
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
