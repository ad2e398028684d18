namespace BehaviorGraph.Core.Investigation;

/// <summary>A group of accounts over time: when each was first seen, and what they acted on.</summary>
/// <param name="Members">The accounts the graph holds, with their first and last time.</param>
/// <param name="Actions">Their outgoing edges other than identifier uses.</param>
/// <param name="ActionsTruncated">True when there were more edges than were asked for.</param>
public sealed record GroupActivity(IReadOnlyList<MemberSeen> Members, IReadOnlyList<MemberAction> Actions, bool ActionsTruncated);
