using System.Data.Common;
using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Scoring;
using Dapper;

namespace BehaviorGraph.Storage.Relational.Scoring;

/// <summary>
/// Scores per run. A run's rows are written and the run marked complete in one transaction; every read selects the
/// latest published run inside its own statement (the view <c>latest_score_run</c>), so a reader sees either the
/// previous run whole or the new one whole. Publishing keeps the previous complete run and drops the scores of older
/// ones. An adapter supplies the bulk write, how publishers take turns, and the batch lookup.
/// </summary>
public abstract class RelationalScoreStore : IScoreStore
{
    protected RelationalScoreStore(RelationalDialect dialect)
    {
        Dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        SelectScores = ScoreRow.Select(dialect);
    }

    protected RelationalDialect Dialect { get; }

    /// <summary>SELECT … FROM scores joined with its run; append a WHERE.</summary>
    protected string SelectScores { get; }

    public async Task<long> BeginRunAsync(string modelVersion, long snapshotRunId, DecisionThresholds thresholds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();
        await using var connection = await Dialect.OpenAsync(cancellationToken);
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
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Publishers take turns, so completion times (the order readers go by) follow commit order.
        await SerialisePublishersAsync(connection, transaction, cancellationToken);
        var run = await connection.QuerySingleOrDefaultAsync<ScoreRunRow>(new CommandDefinition(
            $"SELECT {ScoreRunRow.Columns} FROM score_runs WHERE id = @runId", new { runId }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Scoring run {runId} was never begun.");
        if (run.CompletedAt is not null)
        {
            throw new InvalidOperationException($"Scoring run {runId} is already published.");
        }

        await InsertScoresAsync(connection, transaction, runId, scores, cancellationToken);

        var completedAt = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(completed_at), 0) FROM score_runs", transaction: transaction, cancellationToken: cancellationToken)));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE score_runs SET completed_at = @completedAt, accounts = @accounts WHERE id = @runId",
            new { completedAt, accounts = (long)scores.Count, runId }, transaction, cancellationToken: cancellationToken));

        // Keep this run and the one before it; readers that started earlier still see theirs (WAL, MVCC).
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            DELETE FROM scores WHERE run_id IN (
                SELECT id FROM score_runs WHERE completed_at IS NOT NULL AND id <> @runId
                ORDER BY completed_at DESC, id DESC {Dialect.SkipRows("1")})
            """,
            new { runId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (run with { CompletedAt = completedAt, Accounts = scores.Count }).ToInfo();
    }

    public async Task<AccountScore?> GetAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScoreRow>(new CommandDefinition(
            $"{SelectScores} WHERE s.run_id = {LatestRuns.ScoreRunId} AND s.account = @account",
            new { account }, cancellationToken: cancellationToken));
        return row?.ToScore();
    }

    public abstract Task<IReadOnlyList<AccountScore>> GetManyAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken);

    public async IAsyncEnumerable<AccountScore> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<ScoreRow>(
            $"{SelectScores} WHERE s.run_id = {LatestRuns.ScoreRunId} ORDER BY s.score DESC, s.account");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToScore();
        }
    }

    public async Task<ScoringRunInfo?> GetLatestRunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScoreRunRow>(new CommandDefinition(
            $"SELECT {ScoreRunRow.Columns} FROM score_runs WHERE id = {LatestRuns.ScoreRunId}", cancellationToken: cancellationToken));
        return row?.ToInfo();
    }

    /// <summary>Makes publishers take turns (and locks the run's row); nothing to do where the transaction already holds the write lock.</summary>
    protected abstract Task SerialisePublishersAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Writes the run's scores within <paramref name="transaction"/>; an account given twice is an <see cref="ArgumentException"/>.</summary>
    protected abstract Task InsertScoresAsync(DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<AccountScore> scores, CancellationToken cancellationToken);
}
