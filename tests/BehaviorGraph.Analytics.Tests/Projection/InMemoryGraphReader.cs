using System.Runtime.CompilerServices;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Tests.Projection;

/// <summary>Streams fixed lists, and records the type filter the projector passed down.</summary>
internal sealed class InMemoryGraphReader(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges) : IGraphReader
{
    public IReadOnlyCollection<string>? LastTypeFilter { get; private set; }

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
        LastTypeFilter = types;
        foreach (var edge in edges)
        {
            await Task.Yield();
            yield return edge;
        }
    }
}
