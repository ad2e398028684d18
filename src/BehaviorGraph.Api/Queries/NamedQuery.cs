namespace BehaviorGraph.Api.Queries;

/// <summary>A read-only query analysts run by name with typed parameters; its SQL is fixed here, never sent by a caller.</summary>
public sealed record NamedQuery(string Name, string Description, IReadOnlyList<QueryParameter> Parameters, string Sql);
