namespace BehaviorGraph.Storage.Postgres;

internal sealed record NamedCount(string Name, long Count);
