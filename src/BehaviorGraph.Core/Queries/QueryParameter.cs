namespace BehaviorGraph.Core.Queries;

/// <summary>A typed parameter of a named query: integers carry their range, strings their maximum length.</summary>
public sealed record QueryParameter(string Name, ParameterType Type, bool Required, string Description, long? Default = null, long Min = 0, long Max = 256);
