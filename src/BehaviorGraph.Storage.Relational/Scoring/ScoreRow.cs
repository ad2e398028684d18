using System.Text.Json;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Storage.Relational.Scoring;

/// <summary>A scores row with its run's model version. Settable properties, so Dapper converts the decision column's width.</summary>
public sealed class ScoreRow
{
    public long RunId { get; init; }

    public string Account { get; init; } = "";

    public double Score { get; init; }

    public long Decision { get; init; }

    public string Reasons { get; init; } = "[]";

    public long ScoredAt { get; init; }

    public string ModelVersion { get; init; } = "";

    /// <summary>SELECT … FROM scores joined with its run, given how the backend reads the reasons column as text.</summary>
    public static string Select(RelationalDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return $"""
            SELECT s.run_id AS RunId, s.account AS Account, s.score AS Score, s.decision AS Decision, {dialect.JsonText("s.reasons")} AS Reasons,
                   s.scored_at AS ScoredAt, r.model_version AS ModelVersion
            FROM scores s JOIN score_runs r ON r.id = s.run_id
            """;
    }

    public AccountScore ToScore() => new(
        Account,
        Score,
        (Decision)Decision,
        JsonSerializer.Deserialize<ReasonCode[]>(Reasons, StoreJson.Options) ?? [],
        ModelVersion,
        RunId,
        DateTimeOffset.FromUnixTimeMilliseconds(ScoredAt));
}
