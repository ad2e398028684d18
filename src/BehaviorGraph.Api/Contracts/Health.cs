namespace BehaviorGraph.Api.Contracts;

/// <summary>Liveness: the store answers; which scoring run the cache serves.</summary>
public sealed record Health(string Status, long? ScoringRun);
