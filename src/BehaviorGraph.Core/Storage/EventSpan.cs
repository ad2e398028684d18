namespace BehaviorGraph.Core.Storage;

/// <summary>
/// The events with <see cref="AfterSequence"/> &lt; sequence ≤ <see cref="ThroughSequence"/> of the event log, whose
/// sequence numbers grow in commit order: a run that reads a span and records its end knows exactly which events it
/// saw, and the next run reads on from there.
/// </summary>
public readonly record struct EventSpan(long AfterSequence, long ThroughSequence)
{
    public static EventSpan All { get; } = new(0, long.MaxValue);

    public static EventSpan Through(long sequence) => new(0, sequence);
}
