namespace BehaviorGraph.Core.Graph;

/// <summary>What a write-back did: the graph sync and how many account nodes got scores and cluster ids.</summary>
public sealed record GraphWriteBackResult(GraphSyncResult Sync, long AnnotatedAccounts);
