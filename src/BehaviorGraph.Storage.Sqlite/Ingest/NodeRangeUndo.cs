namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>A node's cached seen range before the open transaction widened it, restored if the transaction rolls back.</summary>
internal readonly record struct NodeRangeUndo(int Slot, long FirstMs, long LastMs);
