using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Neo4j.Tests.Support;

/// <summary>A relational graph held in lists, streamed as a store would stream it.</summary>
internal sealed class InMemoryGraphReader(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges) : IGraphReader
{
    public async IAsyncEnumerable<GraphNode> ReadNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var node in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return node;
        }
    }

    public async IAsyncEnumerable<GraphEdge> ReadEdgesAsync(
        IReadOnlyCollection<string>? types,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var edge in edges)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            if (types is null || types.Count == 0 || types.Contains(edge.Type))
            {
                yield return edge;
            }
        }
    }
}
