namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// What an incremental pass recomputed: the accounts and engagements of the re-peeled region (out of the platform's),
/// the previous blocks re-refined because new events touched them, and those carried unchanged.
/// </summary>
internal sealed record BlockIncrementalWork(int RegionAccounts, int Accounts, long RegionEngagements, long Engagements, int TouchedBlocks, int CarriedBlocks);
