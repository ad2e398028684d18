using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Storage;

/// <summary>Streams the relational event log for temporal analysis; only relational stores hold one.</summary>
public interface IEventLogReader
{
    /// <summary>The event log in insertion order, optionally only of the given types (null or empty: all types).</summary>
    IAsyncEnumerable<EventRow> ReadEventsAsync(IReadOnlyCollection<string>? types, CancellationToken cancellationToken);
}
