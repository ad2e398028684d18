namespace BehaviorGraph.Analytics.Detectors.Rings;

/// <summary>
/// What an incremental ring pass recomputed: accounts the new events touch (with the owners of content they touch),
/// nodes Louvain's first level was free to move (those and their mutual partners), communities trimmed, split and
/// measured again, communities whose mutual subgraph is unchanged (their previous cores measured again, not split
/// again), and communities whose cores and measurements were carried from the previous run.
/// </summary>
internal sealed record RingIncrementalCounts(int TouchedAccounts, int MovableNodes, int Remeasured, int CoresKept, int Carried);
