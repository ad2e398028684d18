namespace BehaviorGraph.Core.Reads;

/// <summary>Edges whose both ends are in a set of accounts, and whether the limit left some out.</summary>
public sealed record EdgesAmong(IReadOnlyList<KeyedEdge> Edges, bool Truncated);
