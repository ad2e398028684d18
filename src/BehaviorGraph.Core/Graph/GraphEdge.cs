namespace BehaviorGraph.Core.Graph;

/// <summary>
/// All events of one type from one node to another, aggregated: how many, first and last time (Unix ms),
/// and the sum of their values (ratings).
/// </summary>
public readonly record struct GraphEdge(
    long Source,
    long Target,
    string Type,
    long Count,
    long FirstMs,
    long LastMs,
    double ValueSum);
