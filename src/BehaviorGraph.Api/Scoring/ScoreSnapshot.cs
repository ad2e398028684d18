using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Api.Scoring;

/// <summary>One published scoring run held in memory, with the clusters of every account in the latest analysis run.</summary>
internal sealed record ScoreSnapshot(
    ScoringRunInfo? Run,
    IReadOnlyDictionary<string, AccountScore> Scores,
    IReadOnlyDictionary<string, ClusterSummary[]> Clusters)
{
    public static ScoreSnapshot Empty { get; } = new(null, new Dictionary<string, AccountScore>(), new Dictionary<string, ClusterSummary[]>());
}
