using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Tests.Projection;

/// <summary>Streams fixed lists of nodes, edges and event rows as they are, including rows ingest would never write.</summary>
internal sealed class InMemoryPlatform(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges, IReadOnlyList<EventRow> events)
    : IGraphReader, IEventLogReader
{
    public async IAsyncEnumerable<GraphNode> ReadNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var node in nodes)
        {
            await Task.Yield();
            yield return node;
        }
    }

    public async IAsyncEnumerable<GraphEdge> ReadEdgesAsync(IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var edge in edges)
        {
            await Task.Yield();
            yield return edge;
        }
    }

    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken) => Task.FromResult((long)events.Count);

    public async IAsyncEnumerable<EventRow> ReadEventsAsync(EventSpan span, IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in events.Where((_, i) => i + 1 > span.AfterSequence && i + 1 <= span.ThroughSequence))
        {
            await Task.Yield();
            yield return row;
        }
    }
}
