using System.Globalization;
using System.Reflection;
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

    internal static IReadOnlyList<PostgresMigration> Embedded { get; } = LoadEmbedded();

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

    private static List<PostgresMigration> LoadEmbedded()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        var migrations = new List<PostgresMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !fileName.EndsWith(".sql", StringComparison.Ordinal)
                || !int.TryParse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Embedded migration '{fileName}' is not named NNNN_name.sql.");
            }

            migrations.Add(new PostgresMigration(version, fileName[..^4], ReadResource(assembly, resource)));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two embedded migrations share version {duplicate.Key}.");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
