using System.Data.Common;
using System.Text.Json;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Storage.Relational;
using BehaviorGraph.Storage.Relational.Scoring;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace BehaviorGraph.Storage.Postgres.Scoring;

/// <summary>
/// The shared score store: a run's rows are copied in (binary COPY), publishers take turns on an advisory lock, and a
/// batch lookup is one statement, so every account is read from the same run.
/// </summary>
internal sealed class PostgresScoreStore(RelationalDialect dialect) : RelationalScoreStore(dialect)
{
    /// <summary>Arbitrary but fixed key of the advisory lock that serialises publishers ("BGScores").</summary>
    internal const long PublishLockKey = 0x4247_5363_6F72_6573;

    public override async Task<IReadOnlyList<AccountScore>> GetManyAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0)
        {
            return [];
        }

        await using var connection = await Dialect.OpenAsync(cancellationToken);
        // One statement, so every account is read from the same run.
        var rows = await connection.QueryAsync<ScoreRow>(new CommandDefinition(
            $"{SelectScores} WHERE s.run_id = {LatestRuns.ScoreRunId} AND s.account = ANY(@accounts)",
            new { accounts = accounts.Distinct(StringComparer.Ordinal).ToArray() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToScore()).ToList();
    }

    protected override Task SerialisePublishersAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = PublishLockKey }, transaction, cancellationToken: cancellationToken));

    protected override async Task InsertScoresAsync(DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<AccountScore> scores, CancellationToken cancellationToken)
    {
        try
        {
            await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
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
