using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Tests;

/// <summary>
/// Hand-written nodes and edges as one <see cref="CsrGraph"/>, through the production <see cref="CsrBuilder"/>: dense ids
/// in node order (the <see cref="IdMap"/> maps the store ids), edges between unknown nodes and self-loops dropped,
/// parallel edges merged.
/// </summary>
internal static class TestProjection
{
    public static CsrGraph Build(
        IReadOnlyList<GraphNode> nodes, IEnumerable<GraphEdge> edges, Orientation orientation = Orientation.Natural, Func<GraphEdge, float>? weight = null)
    {
        var ids = new long[nodes.Count];
        var kinds = new NodeKind[nodes.Count];
        var dense = new Dictionary<long, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            ids[i] = nodes[i].Id;
            kinds[i] = nodes[i].Kind;
            dense.Add(nodes[i].Id, i);
        }

        var buffer = new EdgeBuffer(withTimes: false, withCounts: false);
        foreach (var edge in edges)
        {
            if (dense.TryGetValue(edge.Source, out var source) && dense.TryGetValue(edge.Target, out var target) && source != target)
            {
                buffer.Add(source, target, weight?.Invoke(edge) ?? 1f);
            }
        }

        return CsrBuilder.Build(new IdMap(ids, kinds, dense), buffer, orientation, merge: true);
    }
}
