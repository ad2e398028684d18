namespace BehaviorGraph.Api.Contracts;

/// <summary>An aggregated graph edge between two node keys.</summary>
public sealed record Edge(string Source, string SourceKind, string Target, string TargetKind, string Type, long Count, long FirstMs, long LastMs);
