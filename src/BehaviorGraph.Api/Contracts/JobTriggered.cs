namespace BehaviorGraph.Api.Contracts;

/// <summary>A job enqueued now: its Hangfire id and queue.</summary>
public sealed record JobTriggered(string Job, string JobId, string Queue);
