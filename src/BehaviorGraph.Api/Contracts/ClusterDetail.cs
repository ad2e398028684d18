namespace BehaviorGraph.Api.Contracts;

/// <summary>A cluster with its members, the graph edges among them and its evidence.</summary>
public sealed record ClusterDetail(string Id, string Kind, int Size, double Score, string Evidence, IReadOnlyDictionary<string, double> Figures, IReadOnlyList<string> Members, IReadOnlyList<Edge> Edges, bool EdgesTruncated);
