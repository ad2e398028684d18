using System.Text.Json;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Storage.Postgres.Scoring;

internal sealed record ScoreRow(long RunId, string Account, double Score, short Decision, string Reasons, long ScoredAt, string ModelVersion)
{
    public const string Select =
        """
        SELECT s.run_id AS runId, s.account, s.score, s.decision, s.reasons::text AS reasons, s.scored_at AS scoredAt, r.model_version AS modelVersion
        FROM scores s JOIN score_runs r ON r.id = s.run_id
        """;

    /// <summary>The visible run: the one published last.</summary>
    public const string LatestRunId =
        "(SELECT id FROM score_runs WHERE completed_at IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1)";

    public AccountScore ToScore() => new(
        Account,
        Score,
        (Decision)Decision,
        JsonSerializer.Deserialize<ReasonCode[]>(Reasons, StoreJson.Options) ?? [],
        ModelVersion,
        RunId,
        DateTimeOffset.FromUnixTimeMilliseconds(ScoredAt));
}
