namespace BehaviorGraph.Api.Relational;

internal sealed record NodeRow(long Id, long Kind, string Key);
