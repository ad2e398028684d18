using System.Data.Common;
using System.Text.Json;
using BehaviorGraph.Core.Scoring;
using Dapper;

namespace BehaviorGraph.Storage.Relational.Scoring;

/// <summary>
/// Versioned models with their bytes; at most one is promoted. The SQL is the same on every backend; an adapter says
/// how its feature-name column is written and read, and how promoters are serialised.
/// </summary>
public abstract class RelationalModelRegistry : IModelRegistry
{
    private readonly string _columns;

    protected RelationalModelRegistry(RelationalDialect dialect, string featureNamesJson)
    {
        Dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        _columns = ModelRow.Columns(featureNamesJson, dialect);
    }

    protected RelationalDialect Dialect { get; }

    public async Task SaveAsync(ModelRecord model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = model.Info;
        ArgumentException.ThrowIfNullOrWhiteSpace(info.Version);
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO models (version, trainer, feature_names, training_hash, metrics, settings, created_at, promoted, model)
            VALUES (@Version, @Trainer, @FeatureNames, @TrainingHash, {Dialect.JsonValue("@Metrics")}, {Dialect.JsonValue("@Settings")}, @CreatedAt, {Dialect.False}, @Model)
            ON CONFLICT (version) DO NOTHING
            """,
            new
            {
                info.Version,
                info.Trainer,
                FeatureNames = FeatureNamesValue(info.FeatureNames),
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
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ModelRow>(new CommandDefinition(
            $"SELECT {_columns} FROM models ORDER BY created_at DESC, version DESC", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public Task<ModelRecord?> GetAsync(string version, CancellationToken cancellationToken) =>
        GetOneAsync("version = @version", new { version }, cancellationToken);

    public Task<ModelRecord?> GetPromotedAsync(CancellationToken cancellationToken) =>
        GetOneAsync($"promoted = {Dialect.True}", null, cancellationToken);

    public async Task<bool> PromoteAsync(string version, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SerialisePromotersAsync(connection, transaction, cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM models WHERE version = @version", new { version }, transaction, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return false;
        }

        // The old flag is cleared before the new one is set, so a unique index on the flag never sees two.
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE models SET promoted = {Dialect.False} WHERE promoted = {Dialect.True} AND version <> @version;
            UPDATE models SET promoted = {Dialect.True} WHERE version = @version AND promoted = {Dialect.False};
            """,
            new { version }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The feature names as the backend's column takes them (JSON text, a text array).</summary>
    protected abstract object FeatureNamesValue(IReadOnlyList<string> featureNames);

    /// <summary>
    /// Makes two promoters take turns (each would otherwise clear the old flag from its own snapshot); nothing to do
    /// where the transaction already holds the write lock.
    /// </summary>
    protected abstract Task SerialisePromotersAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    private async Task<ModelRecord?> GetOneAsync(string where, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ModelRow>(new CommandDefinition(
            $"SELECT {_columns}, model AS Model FROM models WHERE {where}", parameters, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }
}
