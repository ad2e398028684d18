namespace BehaviorGraph.Storage.Postgres;

internal sealed record KindCount(short Kind, long Count);
