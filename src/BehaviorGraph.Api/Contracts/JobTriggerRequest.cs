namespace BehaviorGraph.Api.Contracts;

/// <summary>Arguments for a triggered job (name → value), checked like the schedule file's.</summary>
public sealed record JobTriggerRequest(IReadOnlyDictionary<string, string>? Arguments);
