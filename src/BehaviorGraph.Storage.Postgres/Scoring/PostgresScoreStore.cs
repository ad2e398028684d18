using System.Runtime.CompilerServices;
using System.Text.Json;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Storage.Relational.Scoring;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace BehaviorGraph.Storage.Postgres.Scoring;

/// <summary>
/// Scores per run. A run's rows are copied in (binary COPY) and the run marked complete in one transaction; every
/// read selects the latest complete run inside its own statement, so a reader sees either the previous run whole or
/// the new one whole. Publishing keeps the previous complete run and drops the scores of older ones.
/// </summary>
internal sealed class PostgresScoreStore(NpgsqlDataSource dataSource) : IScoreStore
{
    /// <summary>Arbitrary but fixed key of the advisory lock that serialises publishers ("BGScores").</summary>
    internal const long PublishLockKey = 0x4247_5363_6F72_6573;

    public async Task<long> BeginRunAsync(string modelVersion, long snapshotRunId, DecisionThresholds thresholds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO score_runs (model_version, snapshot_run_id, started_at, review_threshold, block_threshold)
            VALUES (@modelVersion, @snapshotRunId, @now, @review, @block)
            RETURNING id
            """,
            new { modelVersion, snapshotRunId, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), review = thresholds.Review, block = thresholds.Block },
            cancellationToken: cancellationToken));
    }

    public async Task<ScoringRunInfo> PublishAsync(long runId, IReadOnlyList<AccountScore> scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Publishers take turns, so completion times (the order readers go by) follow commit order.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = PublishLockKey }, transaction, cancellationToken: cancellationToken));
        var run = await connection.QuerySingleOrDefaultAsync<ScoreRunRow>(new CommandDefinition(
            $"SELECT {ScoreRunRow.Columns} FROM score_runs WHERE id = @runId FOR UPDATE", new { runId }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Scoring run {runId} was never begun.");
        if (run.CompletedAt is not null)
        {
            throw new InvalidOperationException($"Scoring run {runId} is already published.");
        }

        await CopyScoresAsync(connection, runId, scores, cancellationToken);

        var completedAt = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(completed_at), 0) FROM score_runs", transaction: transaction, cancellationToken: cancellationToken)));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE score_runs SET completed_at = @completedAt, accounts = @accounts WHERE id = @runId",
            new { completedAt, accounts = (long)scores.Count, runId }, transaction, cancellationToken: cancellationToken));

        // Keep this run and the one before it; readers that started earlier keep their snapshot (MVCC).
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM scores WHERE run_id IN (
                SELECT id FROM score_runs WHERE completed_at IS NOT NULL AND id <> @runId
                ORDER BY completed_at DESC, id DESC OFFSET 1)
            """,
            new { runId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (run with { CompletedAt = completedAt, Accounts = scores.Count }).ToInfo();
    }

    public async Task<AccountScore?> GetAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScoreRow>(new CommandDefinition(
            $"{ScoreRow.Select} WHERE s.run_id = {ScoreRow.LatestRunId} AND s.account = @account",
            new { account }, cancellationToken: cancellationToken));
        return row?.ToScore();
    }

    public async Task<IReadOnlyList<AccountScore>> GetManyAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One statement, so every account is read from the same run.
        var rows = await connection.QueryAsync<ScoreRow>(new CommandDefinition(
            $"{ScoreRow.Select} WHERE s.run_id = {ScoreRow.LatestRunId} AND s.account = ANY(@accounts)",
            new { accounts = accounts.Distinct(StringComparer.Ordinal).ToArray() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToScore()).ToList();
    }

    public async IAsyncEnumerable<AccountScore> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<ScoreRow>(
            $"{ScoreRow.Select} WHERE s.run_id = {ScoreRow.LatestRunId} ORDER BY s.score DESC, s.account");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToScore();
        }
    }

    public async Task<ScoringRunInfo?> GetLatestRunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScoreRunRow>(new CommandDefinition(
            $"SELECT {ScoreRunRow.Columns} FROM score_runs WHERE id = {ScoreRow.LatestRunId}", cancellationToken: cancellationToken));
        return row?.ToInfo();
    }

    private static async Task CopyScoresAsync(NpgsqlConnection connection, long runId, IReadOnlyList<AccountScore> scores, CancellationToken cancellationToken)
    {
        try
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY scores (run_id, account, score, decision, reasons, scored_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (var i = 0; i < scores.Count; i++)
            {
                var s = scores[i];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(PostgresText.Clean(s.Account)!, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(s.Score, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync((short)s.Decision, NpgsqlDbType.Smallint, cancellationToken);
                await importer.WriteAsync(JsonSerializer.Serialize(s.Reasons, StoreJson.Options), NpgsqlDbType.Jsonb, cancellationToken);
                await importer.WriteAsync(s.ScoredAt.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ArgumentException($"Scoring run {runId} holds an account more than once: {ex.MessageText}", nameof(scores), ex);
        }
    }
}
