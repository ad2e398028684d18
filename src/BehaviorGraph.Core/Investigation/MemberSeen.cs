namespace BehaviorGraph.Core.Investigation;

/// <summary>When an account was first and last seen by an event (Unix ms); the first is its signup when events hold one.</summary>
public sealed record MemberSeen(string Account, long FirstSeenMs, long LastSeenMs);
