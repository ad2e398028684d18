namespace BehaviorGraph.Synthetic.Tests;

/// <summary>One parsed row of events.csv, as a consumer of the file sees it.</summary>
public sealed record CsvEvent(
    string EventId,
    DateTime Ts,
    string Type,
    string Actor,
    string Target,
    string TargetKind,
    string Value,
    string Device,
    string Ip);
