using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Scoring;

/// <summary>Every account's score from one batch, with how long the model took.</summary>
public sealed record ScoringBatchResult(IReadOnlyList<AccountScore> Scores, TimeSpan Elapsed)
{
    public double AccountsPerSecond => Elapsed.TotalSeconds > 0 ? Scores.Count / Elapsed.TotalSeconds : 0;
}
