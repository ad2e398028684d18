namespace BehaviorGraph.Core.Storage;

/// <summary>What a store did with a batch: events new to the log, events it already had, rows quarantined.</summary>
public readonly record struct BatchWriteResult(int Inserted, int Duplicates, int Quarantined);
