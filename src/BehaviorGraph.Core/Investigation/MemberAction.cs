namespace BehaviorGraph.Core.Investigation;

/// <summary>
/// An account's aggregated edge to one target: the edge type, how many events, and the first and last time (Unix ms).
/// <see cref="Target"/> is the target's node id, for telling targets apart (two members acting on the same target).
/// </summary>
public sealed record MemberAction(string Account, long Target, string Type, long Count, long FirstMs, long LastMs);
