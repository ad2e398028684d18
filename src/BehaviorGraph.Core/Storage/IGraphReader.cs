using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Storage;

/// <summary>
/// Streams the graph store (nodes and aggregated edges) for projection and sync. Rows are streamed, never
/// materialised as a whole by the store. The event log is read through <see cref="IEventLogReader"/>.
/// </summary>
public interface IGraphReader
{
    IAsyncEnumerable<GraphNode> ReadNodesAsync(CancellationToken cancellationToken);

    /// <summary>Edges, optionally only of the given types (null or empty: all types).</summary>
    IAsyncEnumerable<GraphEdge> ReadEdgesAsync(IReadOnlyCollection<string>? types, CancellationToken cancellationToken);
}
