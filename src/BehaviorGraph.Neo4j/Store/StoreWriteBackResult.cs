namespace BehaviorGraph.Neo4j.Store;

/// <summary>What a write-back did: the graph sync and how many Account nodes got scores and cluster ids.</summary>
public sealed record StoreWriteBackResult(Neo4jSyncResult Sync, long AnnotatedAccounts);
