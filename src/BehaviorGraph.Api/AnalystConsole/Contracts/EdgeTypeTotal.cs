namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>How many edges of one type go out of (<c>out</c>) or into (<c>in</c>) a node, and how many of them the answer holds.</summary>
public sealed record EdgeTypeTotal(string Type, string Direction, long Edges, int Shown);
