namespace BehaviorGraph.Core.Storage;

/// <summary>Counts that describe what a store holds.</summary>
public sealed record StoreStats(
    long Events,
    long Quarantined,
    long Sources,
    IReadOnlyDictionary<string, long> EventsByType,
    IReadOnlyDictionary<string, long> NodesByKind,
    IReadOnlyDictionary<string, long> EdgesByType);
