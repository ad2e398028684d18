namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>The heaviest edges around one node, at most a few per type and direction, with the totals of each.</summary>
public sealed record NodeEdgesResponse(string Kind, string Key, IReadOnlyList<Api.Contracts.Edge> Edges, IReadOnlyList<EdgeTypeTotal> Totals);
