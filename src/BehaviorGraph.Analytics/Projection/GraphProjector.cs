using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// Loads the graph store into a <see cref="CsrGraph"/>: nodes first (building the <see cref="IdMap"/>),
/// then edges into a compact buffer, then the CSR arrays.
/// </summary>
public sealed class GraphProjector(IGraphReader reader)
{
    public async Task<ProjectedGraph> ProjectAsync(
        ProjectionSpec spec,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var accumulator = new ProjectionAccumulator(spec);
        await foreach (var node in reader.ReadNodesAsync(cancellationToken).WithCancellation(cancellationToken))
        {
            accumulator.AddNode(node);
        }

        progress?.Report(0.3);
        await foreach (var edge in reader.ReadEdgesAsync(accumulator.TypeFilter, cancellationToken).WithCancellation(cancellationToken))
        {
            accumulator.AddEdge(edge);
        }

        progress?.Report(0.8);
        cancellationToken.ThrowIfCancellationRequested();
        var result = accumulator.Build();
        progress?.Report(1.0);
        return result;
    }

    /// <summary>Projects in-memory nodes and edges (same rules as <see cref="ProjectAsync"/>).</summary>
    public static ProjectedGraph Project(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges, ProjectionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        var accumulator = new ProjectionAccumulator(spec);
        foreach (var node in nodes)
        {
            accumulator.AddNode(node);
        }

        foreach (var edge in edges)
        {
            accumulator.AddEdge(edge);
        }

        return accumulator.Build();
    }
}
