using System.Data.Common;
using System.Text.Json;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Storage.Relational;
using BehaviorGraph.Storage.Relational.Scoring;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Storage.Sqlite.Scoring;

/// <summary>
/// The shared score store: scores are inserted through one prepared statement, and publishing holds SQLite's write
/// lock (BEGIN IMMEDIATE) from the start, so publishers take turns without more.
/// </summary>
internal sealed class SqliteScoreStore(RelationalDialect dialect) : RelationalScoreStore(dialect)
{
    private const int LookupChunk = 500;

    public override async Task<IReadOnlyList<AccountScore>> GetManyAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var result = new List<AccountScore>(accounts.Count);
        if (accounts.Count == 0)
        {
            return result;
        }

        await using var connection = (SqliteConnection)await Dialect.OpenAsync(cancellationToken);
        // One deferred (read) transaction, so every chunk sees the same run without taking the write lock.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var runId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT {LatestRuns.ScoreRunId}", transaction: transaction, cancellationToken: cancellationToken));
        if (runId is null)
        {
            return result;
        }

        foreach (var chunk in accounts.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var rows = await connection.QueryAsync<ScoreRow>(new CommandDefinition(
                $"{SelectScores} WHERE s.run_id = @runId AND s.account IN @chunk",
                new { runId, chunk }, transaction, cancellationToken: cancellationToken));
            result.AddRange(rows.Select(r => r.ToScore()));
        }

        return result;
    }

    protected override Task SerialisePublishersAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task InsertScoresAsync(DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<AccountScore> scores, CancellationToken cancellationToken)
    {
        using var insert = (SqliteCommand)connection.CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
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

        return Task.CompletedTask;
    }
}
