namespace BehaviorGraph.Core.Queries;

/// <summary>A read-only query analysts run by name with typed parameters; its text is fixed by the store, never sent by a caller.</summary>
public sealed record NamedQuery(string Name, string Description, IReadOnlyList<QueryParameter> Parameters);
