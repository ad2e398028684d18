namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>
/// One time bucket of a group's activity: members first seen (signups), first actions on a target, co-actions (first
/// actions on a target that another member also first acted on in the same bucket) and members active.
/// </summary>
public sealed record ActivityBucket(long StartMs, int Signups, int Actions, int CoActions, int ActiveMembers);
