namespace BehaviorGraph.Storage.Sqlite.Ingest;

internal readonly record struct EdgeKey(long Source, long Target, string Type);
