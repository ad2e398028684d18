using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// A batch with its node keys resolved to slots of <see cref="Directory"/> and its graph effect aggregated as if
/// every event were new to the log (the writer re-aggregates in the rare batch that has duplicates).
/// </summary>
internal sealed class SqlitePreparedBatch(
    EventBatch batch, NodeDirectory directory, EventSlots slots, BatchAggregates aggregates, byte[][] typeNames, int usesDevice, int usesIp)
    : PreparedBatch(batch)
{
    public NodeDirectory Directory { get; } = directory;
    public EventSlots Slots { get; } = slots;
    public BatchAggregates Aggregates { get; } = aggregates;

    /// <summary>Event- and edge-type names by code, in UTF-8.</summary>
    public byte[][] TypeNames { get; } = typeNames;

    public int UsesDevice { get; } = usesDevice;
    public int UsesIp { get; } = usesIp;
}
