namespace BehaviorGraph.Core.Graph;

/// <summary>
/// An event-log row as analytics reads it back: node ids instead of external identifiers
/// (<see cref="Target"/>, <see cref="Device"/> and <see cref="Ip"/> are 0 when absent).
/// </summary>
public readonly record struct EventRow(
    long TimestampMs,
    string Type,
    long Actor,
    long Target,
    double? Value,
    long Device,
    long Ip);
