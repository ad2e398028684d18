using BehaviorGraph.Storage.Relational.Migrations;
using Dapper;
using Npgsql;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> resources in version order, each recorded in
/// <c>schema_migrations</c>. The whole run holds a transaction-scoped advisory lock, so two hosts opening
/// the same database at once apply each migration exactly once; the second waits, then finds nothing to do.
/// </summary>
internal sealed class PostgresMigrator(NpgsqlDataSource dataSource)
{
    /// <summary>Arbitrary but fixed key of the advisory lock that serialises migrations of one database.</summary>
    internal const long AdvisoryLockKey = 0x4247_5363_6865_6D61; // "BGSchema"

    private const string ResourcePrefix = "BehaviorGraph.Storage.Postgres.Migrations.";

    internal static IReadOnlyList<Migration> Embedded { get; } = MigrationLoader.Load(typeof(PostgresMigrator).Assembly, ResourcePrefix);

    /// <summary>Applies pending migrations and returns the versions this call applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey }, transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INT    PRIMARY KEY,
                name       TEXT   NOT NULL,
                applied_at BIGINT NOT NULL
            )
            """, transaction: transaction, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_migrations", transaction: transaction,
            cancellationToken: cancellationToken))).ToHashSet();

        var appliedNow = new List<int>();
        foreach (var migration in Embedded.Where(m => !applied.Contains(m.Version)))
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException(
                    $"Schema migration {migration.Version} ({migration.Name}) failed: {ex.MessageText}", ex);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction, cancellationToken: cancellationToken));
            appliedNow.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken);
        return appliedNow;
    }
}
