using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>Collects streamed nodes and edges into an <see cref="IdMapBuilder"/> and an <see cref="EdgeBuffer"/>.</summary>
internal sealed class ProjectionAccumulator
{
    private readonly ProjectionSpec _spec;
    private readonly HashSet<string>? _types;
    private readonly HashSet<NodeKind>? _kinds;
    private readonly IdMapBuilder _ids = new();
    private readonly EdgeBuffer _edges;
    private long _nodesRead;
    private long _edgesRead;
    private long _otherTypes;
    private long _missing;
    private long _selfLoops;

    public ProjectionAccumulator(ProjectionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Enum.IsDefined(spec.Orientation))
        {
            throw new ArgumentException($"Unknown orientation {(int)spec.Orientation}.", nameof(spec));
        }

        if (!Enum.IsDefined(spec.Weighting))
        {
            throw new ArgumentException($"Unknown weighting {(int)spec.Weighting}.", nameof(spec));
        }

        _spec = spec;
        _types = spec.EdgeTypes is { Count: > 0 } t ? new HashSet<string>(t, StringComparer.Ordinal) : null;
        _kinds = spec.NodeKinds is { Count: > 0 } k ? [.. k] : null;
        _edges = new EdgeBuffer(spec.IncludeTimes, spec.IncludeCounts);
    }

    public IReadOnlyCollection<string>? TypeFilter => _types;

    public void AddNode(in GraphNode node)
    {
        _nodesRead++;
        if (_kinds is null || _kinds.Contains(node.Kind))
        {
            _ids.GetOrAdd(node.Id, node.Kind);
        }
    }

    public void AddEdge(in GraphEdge edge)
    {
        _edgesRead++;
        if (_types is not null && !_types.Contains(edge.Type))
        {
            _otherTypes++;
            return;
        }

        if (!_ids.TryGetDense(edge.Source, out var source) || !_ids.TryGetDense(edge.Target, out var target))
        {
            _missing++;
            return;
        }

        if (source == target && !_spec.KeepSelfLoops)
        {
            _selfLoops++;
            return;
        }

        var weight = _spec.Weighting switch
        {
            EdgeWeighting.Count => edge.Count,
            EdgeWeighting.ValueSum => (float)edge.ValueSum,
            _ => 1f,
        };
        var count = edge.Count > int.MaxValue ? int.MaxValue : (int)edge.Count;
        _edges.Add(source, target, weight, edge.FirstMs, edge.LastMs, count);
    }

    public ProjectedGraph Build()
    {
        var idMap = _ids.Build();
        var graph = CsrBuilder.Build(idMap, _edges, _spec.Orientation, _spec.MergeParallelEdges);
        var stats = new ProjectionStats(_nodesRead, idMap.Count, _edgesRead, _edges.Length, _otherTypes, _missing, _selfLoops);
        return new ProjectedGraph(graph, stats);
    }
}
