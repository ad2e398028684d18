namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>
/// A cluster's activity in equal buckets from <see cref="FromMs"/> to <see cref="ToMs"/> (Unix ms, each
/// <see cref="BucketMs"/> long). Actions come from the aggregated graph: each is the first time a member acted on a
/// target (the graph keeps first and last times, not every event). <see cref="Truncated"/>: the members had more
/// edges than were read.
/// </summary>
public sealed record ActivityTimeline(string Cluster, long BucketMs, long FromMs, long ToMs, int Members, long ActionsRead, bool Truncated, IReadOnlyList<ActivityBucket> Buckets);
