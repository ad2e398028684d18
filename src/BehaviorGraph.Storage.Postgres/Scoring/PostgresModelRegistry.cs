using System.Text.Json;
using BehaviorGraph.Core.Scoring;
using Dapper;
using Npgsql;

namespace BehaviorGraph.Storage.Postgres.Scoring;

/// <summary>Versioned models with their bytes (bytea); a partial unique index allows at most one promoted model.</summary>
internal sealed class PostgresModelRegistry(NpgsqlDataSource dataSource) : IModelRegistry
{
    public async Task SaveAsync(ModelRecord model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = model.Info;
        ArgumentException.ThrowIfNullOrWhiteSpace(info.Version);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO models (version, trainer, feature_names, training_hash, metrics, settings, created_at, promoted, model)
            VALUES (@Version, @Trainer, @FeatureNames, @TrainingHash, CAST(@Metrics AS jsonb), CAST(@Settings AS jsonb), @CreatedAt, FALSE, @Model)
            ON CONFLICT (version) DO NOTHING
            """,
            new
            {
                info.Version,
                info.Trainer,
                FeatureNames = info.FeatureNames.ToArray(),
                TrainingHash = info.TrainingDataHash,
                Metrics = JsonSerializer.Serialize(info.Metrics, StoreJson.Options),
                Settings = JsonSerializer.Serialize(info.Settings, StoreJson.Options),
                CreatedAt = info.CreatedAt.ToUnixTimeMilliseconds(),
                Model = model.ModelBytes,
            },
            cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            throw new InvalidOperationException($"Model version {info.Version} is already registered.");
        }
    }

    public async Task<IReadOnlyList<ModelInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ModelRow>(new CommandDefinition(
            $"SELECT {ModelRow.Columns} FROM models ORDER BY created_at DESC, version DESC", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public Task<ModelRecord?> GetAsync(string version, CancellationToken cancellationToken) =>
        GetOneAsync("version = @version", new { version }, cancellationToken);

    public Task<ModelRecord?> GetPromotedAsync(CancellationToken cancellationToken) =>
        GetOneAsync("promoted", null, cancellationToken);

    public async Task<bool> PromoteAsync(string version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialises promoters: two promoting different versions at once would otherwise both clear the old flag
        // from their snapshot and the second would hit the unique index. Readers are not blocked.
        await connection.ExecuteAsync(new CommandDefinition(
            "LOCK TABLE models IN SHARE ROW EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken));
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM models WHERE version = @version)", new { version }, transaction, cancellationToken: cancellationToken));
        if (!exists)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE models SET promoted = FALSE WHERE promoted AND version <> @version;
            UPDATE models SET promoted = TRUE WHERE version = @version AND NOT promoted;
            """,
            new { version }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<ModelRecord?> GetOneAsync(string where, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ModelRecordRow>(new CommandDefinition(
            $"SELECT {ModelRecordRow.Columns} FROM models WHERE {where}", parameters, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }
}
