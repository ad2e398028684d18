namespace BehaviorGraph.Core.Storage;

public enum StoreBackend
{
    Sqlite,
    Postgres,
}
