namespace BehaviorGraph.Api.Contracts;

/// <summary>A Hangfire job's current state, its failure reason and (once succeeded) its result.</summary>
public sealed record JobRun(string JobId, string State, string? Reason, string? Result);
