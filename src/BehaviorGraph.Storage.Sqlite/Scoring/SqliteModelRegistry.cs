using System.Text.Json;
using BehaviorGraph.Core.Scoring;
using Dapper;

namespace BehaviorGraph.Storage.Sqlite.Scoring;

internal sealed class SqliteModelRegistry(SqliteConnectionFactory connections) : IModelRegistry
{
    public async Task SaveAsync(ModelRecord model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = model.Info;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM models WHERE version = @Version", new { info.Version }, cancellationToken: cancellationToken));
        if (exists > 0)
        {
            throw new InvalidOperationException($"Model version {info.Version} is already registered.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO models (version, trainer, feature_names, training_hash, metrics, settings, created_at, promoted, model)
            VALUES (@Version, @Trainer, @FeatureNames, @TrainingHash, @Metrics, @Settings, @CreatedAt, 0, @Model)
            """,
            new
            {
                info.Version,
                info.Trainer,
                FeatureNames = JsonSerializer.Serialize(info.FeatureNames, StoreJson.Options),
                TrainingHash = info.TrainingDataHash,
                Metrics = JsonSerializer.Serialize(info.Metrics, StoreJson.Options),
                Settings = JsonSerializer.Serialize(info.Settings, StoreJson.Options),
                CreatedAt = info.CreatedAt.ToUnixTimeMilliseconds(),
                Model = model.ModelBytes,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ModelInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ModelRow>(new CommandDefinition(
            $"SELECT {ModelRow.Columns} FROM models ORDER BY created_at DESC, version DESC", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public Task<ModelRecord?> GetAsync(string version, CancellationToken cancellationToken) =>
        GetOneAsync("version = @version", new { version }, cancellationToken);

    public Task<ModelRecord?> GetPromotedAsync(CancellationToken cancellationToken) =>
        GetOneAsync("promoted = 1", null, cancellationToken);

    public async Task<bool> PromoteAsync(string version, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM models WHERE version = @version", new { version }, transaction, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE models SET promoted = 0 WHERE promoted = 1", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE models SET promoted = 1 WHERE version = @version", new { version }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<ModelRecord?> GetOneAsync(string where, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ModelRow>(new CommandDefinition(
            $"SELECT {ModelRow.Columns} FROM models WHERE {where}", parameters, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var bytes = await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition(
            "SELECT model FROM models WHERE version = @Version", new { row.Version }, cancellationToken: cancellationToken));
        return new ModelRecord(row.ToInfo(), bytes ?? []);
    }
}
