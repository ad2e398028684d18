using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Storage;

/// <summary>
/// Streams the graph store and the event log for projection and temporal analysis. Rows are streamed,
/// never materialised as a whole by the store.
/// </summary>
public interface IGraphReader
{
    IAsyncEnumerable<GraphNode> ReadNodesAsync(CancellationToken cancellationToken);

    /// <summary>Edges, optionally only of the given types (null or empty: all types).</summary>
    IAsyncEnumerable<GraphEdge> ReadEdgesAsync(IReadOnlyCollection<string>? types, CancellationToken cancellationToken);

    /// <summary>The event log in insertion order, optionally only of the given types.</summary>
    IAsyncEnumerable<EventRow> ReadEventsAsync(IReadOnlyCollection<string>? types, CancellationToken cancellationToken);
}
