using BehaviorGraph.Storage.Relational.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite;

/// <summary>
/// Applies the embedded, ordered <c>Migrations/NNNN_name.sql</c> scripts that a database has not seen yet.
/// The whole run holds SQLite's write lock (BEGIN IMMEDIATE), so two processes opening a new file at once
/// apply each migration exactly once.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "BehaviorGraph.Storage.Sqlite.Migrations.";

    public static IReadOnlyList<Migration> Migrations { get; } = MigrationLoader.Load(typeof(SqliteMigrator).Assembly, ResourcePrefix);

    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
            transaction: transaction, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)))
            .ToHashSet();

        var count = 0;
        foreach (var (version, name, sql) in Migrations.Select(m => (m.Version, m.Name, m.Sql)))
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                new { version, name, appliedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction, cancellationToken: cancellationToken));
            count++;
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
