namespace BehaviorGraph.Core.Events;

/// <summary>
/// One validated user-interaction event, as the ingest pipeline hands it to a store.
/// Timestamps are Unix milliseconds (UTC); identifiers are already checked for length and control characters.
/// </summary>
public sealed record InteractionEvent(
    string EventId,
    long TimestampMs,
    string Type,
    string Actor,
    string? Target,
    TargetKind TargetKind,
    double? Value,
    string? Device,
    string? Ip);
