namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>One member's use of a shared identifier: events sent from it and the first and last time (Unix ms).</summary>
public sealed record IdentifierMember(string Account, long Count, long FirstMs, long LastMs);
