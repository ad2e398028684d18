using System.Data.Common;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using Dapper;

namespace BehaviorGraph.Storage.Relational.Analysis;

/// <summary>
/// Analysis runs with their feature snapshot and clusters. A run's rows are written in one transaction together with
/// its completion mark, so readers of the latest complete run never see half a run; older runs beyond
/// <see cref="RunsKept"/> are dropped in the same transaction. An adapter supplies the bulk writes and how the feature
/// names and values are stored.
/// </summary>
public abstract class RelationalFeatureStore(RelationalDialect dialect) : IFeatureStore
{
    /// <summary>Complete runs kept; older runs' features and clusters are deleted when a new run completes.</summary>
    public const int RunsKept = 5;

    protected RelationalDialect Dialect { get; } = dialect ?? throw new ArgumentNullException(nameof(dialect));

    public async Task<long> BeginRunAsync(string description, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO analysis_runs (description, started_at) VALUES (@description, @now) RETURNING id",
            new { description, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public Task CompleteRunAsync(long runId, IReadOnlyList<string> featureNames, IReadOnlyList<AccountFeatureRow> rows, IReadOnlyList<DetectedCluster> clusters, CancellationToken cancellationToken) =>
        CompleteRunAsync(runId, AnalysisRunScope.Full(0, rows?.Count ?? 0, "full run"), featureNames, rows!, clusters, cancellationToken);

    public async Task CompleteRunAsync(long runId, AnalysisRunScope scope, IReadOnlyList<string> featureNames, IReadOnlyList<AccountFeatureRow> rows, IReadOnlyList<DetectedCluster> clusters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clusters);
        FeatureRows.EnsureWidth(featureNames, rows);

        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE analysis_runs SET completed_at = @now, feature_names = @names, mode = @mode, previous_run = @previous,
                new_events = @newEvents, touched_accounts = @touched, recomputed = @recomputed
            WHERE id = @runId AND completed_at IS NULL
            """,
            new
            {
                runId,
                now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                names = FeatureNamesValue(featureNames),
                mode = scope.Mode,
                previous = scope.PreviousRunId,
                newEvents = scope.NewEvents,
                touched = scope.TouchedAccounts,
                recomputed = scope.Recomputed,
            },
            transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Analysis run {runId} does not exist or is already complete.");
        }

        await InsertFeaturesAsync(connection, transaction, runId, rows, cancellationToken);
        await InsertClustersAsync(connection, transaction, runId, clusters, cancellationToken);
        var older = $"SELECT id FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC {Dialect.SkipRows("@kept")}";
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            DELETE FROM account_features WHERE run_id IN ({older});
            DELETE FROM cluster_members WHERE run_id IN ({older});
            DELETE FROM clusters WHERE run_id IN ({older});
            """,
            new { kept = RunsKept }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<AnalysisRunInfo?> GetLatestRunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var run = await connection.QuerySingleOrDefaultAsync<AnalysisRunRow>(new CommandDefinition(
            $"SELECT id AS Id, completed_at AS CompletedAt, mode AS Mode, previous_run AS PreviousRun, new_events AS NewEvents, touched_accounts AS TouchedAccounts, recomputed AS Recomputed FROM analysis_runs WHERE id = {LatestRuns.AnalysisRunId}",
            cancellationToken: cancellationToken));
        return run?.ToInfo();
    }

    public async Task<FeatureSnapshot?> GetLatestSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var run = await connection.QuerySingleOrDefaultAsync<(long Id, long CompletedAt, object Names)?>(new CommandDefinition(
            $"SELECT id, completed_at, feature_names FROM analysis_runs WHERE id = {LatestRuns.AnalysisRunId}", cancellationToken: cancellationToken));
        if (run is not { } latest)
        {
            return null;
        }

        var rows = await ReadFeatureRowsAsync(connection, latest.Id, cancellationToken);
        return new FeatureSnapshot(latest.Id, DateTimeOffset.FromUnixTimeMilliseconds(latest.CompletedAt), FeatureNamesOf(latest.Names), rows);
    }

    /// <summary>The feature names as the backend's column takes them (JSON text, a text array).</summary>
    protected abstract object FeatureNamesValue(IReadOnlyList<string> featureNames);

    /// <summary>The feature names as <see cref="FeatureNamesValue"/> stored them, read back.</summary>
    protected abstract IReadOnlyList<string> FeatureNamesOf(object stored);

    /// <summary>The run's rows ordered by account.</summary>
    protected abstract Task<IReadOnlyList<AccountFeatureRow>> ReadFeatureRowsAsync(DbConnection connection, long runId, CancellationToken cancellationToken);

    protected abstract Task InsertFeaturesAsync(DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<AccountFeatureRow> rows, CancellationToken cancellationToken);

    /// <summary>Writes the clusters and their members (a member listed twice counts once).</summary>
    protected abstract Task InsertClustersAsync(DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<DetectedCluster> clusters, CancellationToken cancellationToken);
}
