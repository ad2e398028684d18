namespace BehaviorGraph.Api.Contracts;

/// <summary>The rows a named query returned.</summary>
public sealed record QueryResult(string Query, int Count, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);
