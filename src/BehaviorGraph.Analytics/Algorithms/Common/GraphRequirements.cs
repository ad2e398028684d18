using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Algorithms.Common;

internal static class GraphRequirements
{
    /// <summary>Algorithms defined on undirected graphs symmetrise a directed projection (u→v and v→u summed).</summary>
    public static CsrGraph Undirected(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.ToUndirected();
    }

    public static void Directed(CsrGraph graph, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.IsUndirected)
        {
            throw new ArgumentException($"{algorithm} needs a directed projection (Orientation Natural or Reverse); this one is undirected.", nameof(graph));
        }
    }
}
