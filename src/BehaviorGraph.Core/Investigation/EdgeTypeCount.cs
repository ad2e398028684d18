namespace BehaviorGraph.Core.Investigation;

/// <summary>How many edges of one type leave (<see cref="Outgoing"/>) or reach a node.</summary>
public sealed record EdgeTypeCount(string Type, bool Outgoing, long Edges);
