using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Storage;

/// <summary>Streams the relational event log for temporal analysis; only relational stores hold one.</summary>
public interface IEventLogReader
{
    /// <summary>The sequence number of the newest committed event, 0 when the log is empty.</summary>
    Task<long> LatestSequenceAsync(CancellationToken cancellationToken);

    /// <summary>The events of the span in insertion order, optionally only of the given types (null or empty: all types).</summary>
    IAsyncEnumerable<EventRow> ReadEventsAsync(EventSpan span, IReadOnlyCollection<string>? types, CancellationToken cancellationToken);
}
