namespace BehaviorGraph.Core.Events;

/// <summary>What an event's target is: another account, or a piece of content.</summary>
public enum TargetKind
{
    None = 0,
    Account = 1,
    Content = 2,
}
