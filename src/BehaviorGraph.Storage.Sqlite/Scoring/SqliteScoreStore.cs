using System.Runtime.CompilerServices;
using System.Text.Json;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Storage.Relational.Scoring;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Scoring;

/// <summary>
/// Scores per run. A run's rows are written and the run marked complete in one transaction; every read selects the
/// latest complete run inside its own statement, so under WAL a reader sees either the previous run whole or the new
/// one whole. Publishing keeps the previous complete run and drops older ones.
/// </summary>
internal sealed class SqliteScoreStore(SqliteConnectionFactory connections) : IScoreStore
{
    private const int LookupChunk = 500;

    public async Task<long> BeginRunAsync(string modelVersion, long snapshotRunId, DecisionThresholds thresholds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();
        await using var connection = await connections.OpenAsync(cancellationToken);
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
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var run = await connection.QuerySingleOrDefaultAsync<ScoreRunRow>(new CommandDefinition(
            $"SELECT {ScoreRunRow.Columns} FROM score_runs WHERE id = @runId", new { runId }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Scoring run {runId} was never begun.");
        if (run.CompletedAt is not null)
        {
            throw new InvalidOperationException($"Scoring run {runId} is already published.");
        }

        InsertScores(connection, transaction, runId, scores, cancellationToken);

        var completedAt = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(completed_at), 0) FROM score_runs", transaction: transaction, cancellationToken: cancellationToken)));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE score_runs SET completed_at = @completedAt, accounts = @accounts WHERE id = @runId",
            new { completedAt, accounts = scores.Count, runId }, transaction, cancellationToken: cancellationToken));

        // Keep this run and the one before it; readers that started earlier still see theirs through WAL.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM scores WHERE run_id IN (
                SELECT id FROM score_runs WHERE completed_at IS NOT NULL AND id <> @runId
                ORDER BY completed_at DESC, id DESC LIMIT -1 OFFSET 1)
            """,
            new { runId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (run with { CompletedAt = completedAt, Accounts = scores.Count }).ToInfo();
    }

    public async Task<AccountScore?> GetAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScoreRow>(new CommandDefinition(
            $"{ScoreRow.Select} WHERE s.run_id = {ScoreRow.LatestRunId} AND s.account = @account",
            new { account }, cancellationToken: cancellationToken));
        return row?.ToScore();
    }

    public async Task<IReadOnlyList<AccountScore>> GetManyAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var result = new List<AccountScore>(accounts.Count);
        if (accounts.Count == 0)
        {
            return result;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        // One deferred (read) transaction, so every chunk sees the same run without taking the write lock.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var runId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT {ScoreRow.LatestRunId}", transaction: transaction, cancellationToken: cancellationToken));
        if (runId is null)
        {
            return result;
        }

        foreach (var chunk in accounts.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var rows = await connection.QueryAsync<ScoreRow>(new CommandDefinition(
                $"{ScoreRow.Select} WHERE s.run_id = @runId AND s.account IN @chunk",
                new { runId, chunk }, transaction, cancellationToken: cancellationToken));
            result.AddRange(rows.Select(r => r.ToScore()));
        }

        return result;
    }

    public async IAsyncEnumerable<AccountScore> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<ScoreRow>(
            $"{ScoreRow.Select} WHERE s.run_id = {ScoreRow.LatestRunId} ORDER BY s.score DESC, s.account");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToScore();
        }
    }

    public async Task<ScoringRunInfo?> GetLatestRunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScoreRunRow>(new CommandDefinition(
            $"SELECT {ScoreRunRow.Columns} FROM score_runs WHERE id = {ScoreRow.LatestRunId}", cancellationToken: cancellationToken));
        return row?.ToInfo();
    }

    private static void InsertScores(
        SqliteConnection connection, SqliteTransaction transaction, long runId, IReadOnlyList<AccountScore> scores, CancellationToken cancellationToken)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            "INSERT INTO scores (run_id, account, score, decision, reasons, scored_at) VALUES ($run, $account, $score, $decision, $reasons, $at)";
        var run = insert.Parameters.Add("$run", SqliteType.Integer);
        var account = insert.Parameters.Add("$account", SqliteType.Text);
        var score = insert.Parameters.Add("$score", SqliteType.Real);
        var decision = insert.Parameters.Add("$decision", SqliteType.Integer);
        var reasons = insert.Parameters.Add("$reasons", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        run.Value = runId;
        insert.Prepare();
        for (var i = 0; i < scores.Count; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var s = scores[i];
            account.Value = s.Account;
            score.Value = s.Score;
            decision.Value = (int)s.Decision;
            reasons.Value = JsonSerializer.Serialize(s.Reasons, StoreJson.Options);
            at.Value = s.ScoredAt.ToUnixTimeMilliseconds();
            insert.ExecuteNonQuery();
        }
    }
}
