using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Tests.Projection;

public sealed class GraphProjectorTests
{
    // Accounts 1, 2, 3 and content 10.
    private static readonly GraphNode[] Nodes =
    [
        new(1, NodeKind.Account, "u1", 0, 0),
        new(2, NodeKind.Account, "u2", 0, 0),
        new(3, NodeKind.Account, "u3", 0, 0),
        new(10, NodeKind.Content, "c10", 0, 0),
    ];

    private static readonly GraphEdge[] Edges =
    [
        new(1, 2, "follow", 2, 100, 200, 0),
        new(1, 2, "message", 3, 50, 150, 0),
        new(2, 1, "follow", 1, 300, 300, 0),
        new(2, 3, "follow", 4, 10, 20, 0),
        new(1, 10, "like", 7, 5, 9, 0),
        new(3, 3, "follow", 1, 0, 0, 0),
    ];

    [Fact]
    public void Project_SumsParallelEdgesOfDifferentTypes_WhenMerging()
    {
        var spec = new ProjectionSpec { Weighting = EdgeWeighting.Count, IncludeTimes = true, IncludeCounts = true };

        var (g, stats) = GraphProjector.Project(Nodes, Edges, spec);

        var u1 = g.IdMap.ToDense(1);
        var u2 = g.IdMap.ToDense(2);
        var c10 = g.IdMap.ToDense(10);
        Assert.Equal([u2, c10], g.Neighbors(u1).ToArray());
        Assert.Equal(5f, g.EdgeWeight(u1, u2));
        Assert.Equal(50, g.NeighborFirstMs(u1)[0]);
        Assert.Equal(200, g.NeighborLastMs(u1)[0]);
        Assert.Equal(5, g.NeighborCounts(u1)[0]);
        Assert.Equal(1, stats.SelfLoopsDropped);
        Assert.Equal(5, stats.EdgesKept);
        Assert.Equal(6, stats.EdgesRead);
    }

    [Fact]
    public void Project_MergesBothDirectionsIntoOneEntry_WhenUndirected()
    {
        var spec = new ProjectionSpec { Orientation = Orientation.Undirected, Weighting = EdgeWeighting.Count };

        var (g, _) = GraphProjector.Project(Nodes, Edges, spec);

        var u1 = g.IdMap.ToDense(1);
        var u2 = g.IdMap.ToDense(2);
        Assert.Equal(6f, g.EdgeWeight(u1, u2));
        Assert.Equal(6f, g.EdgeWeight(u2, u1));
        // 1-2, 2-3, 1-10: three undirected edges, two entries each.
        Assert.Equal(6, g.EntryCount);
    }

    [Fact]
    public void Project_KeepsOnlyRequestedTypes()
    {
        var spec = new ProjectionSpec { EdgeTypes = ["message"], Weighting = EdgeWeighting.Count };

        var (g, stats) = GraphProjector.Project(Nodes, Edges, spec);

        Assert.Equal(1, g.EntryCount);
        Assert.Equal(3f, g.EdgeWeight(g.IdMap.ToDense(1), g.IdMap.ToDense(2)));
        Assert.Equal(5, stats.EdgesOfOtherTypes);
    }

    [Fact]
    public void Project_DropsEdgesToFilteredKinds_AndCountsThem()
    {
        var spec = new ProjectionSpec { NodeKinds = [NodeKind.Account] };

        var (g, stats) = GraphProjector.Project(Nodes, Edges, spec);

        Assert.Equal(3, g.NodeCount);
        Assert.False(g.IdMap.TryGetDense(10, out _));
        Assert.Equal(1, stats.EdgesWithMissingEndpoint);
        Assert.Equal(NodeKind.Account, g.IdMap.KindOf(0));
    }

    [Fact]
    public void Project_ReversesEdges_WhenOrientationIsReverse()
    {
        var spec = new ProjectionSpec { Orientation = Orientation.Reverse, EdgeTypes = ["follow"] };

        var (g, _) = GraphProjector.Project(Nodes, Edges, spec);

        var u2 = g.IdMap.ToDense(2);
        var u3 = g.IdMap.ToDense(3);
        Assert.True(g.HasEdge(u3, u2));
        Assert.False(g.HasEdge(u2, u3));
    }

    [Fact]
    public void Project_KeepsSelfLoops_WhenAsked()
    {
        var spec = new ProjectionSpec { KeepSelfLoops = true };

        var (g, stats) = GraphProjector.Project(Nodes, Edges, spec);

        var u3 = g.IdMap.ToDense(3);
        Assert.True(g.HasEdge(u3, u3));
        Assert.Equal(0, stats.SelfLoopsDropped);
    }

    [Fact]
    public void Project_UsesValueSum_AsWeight()
    {
        GraphEdge[] rated = [new(1, 2, "rate", 2, 0, 0, 9.5)];

        var (g, _) = GraphProjector.Project(Nodes, rated, new ProjectionSpec { Weighting = EdgeWeighting.ValueSum });

        Assert.Equal(9.5f, g.EdgeWeight(g.IdMap.ToDense(1), g.IdMap.ToDense(2)));
    }

    [Fact]
    public async Task ProjectAsync_StreamsReader_AndPassesTypeFilterDown()
    {
        var reader = new InMemoryGraphReader(Nodes, Edges);
        var spec = new ProjectionSpec { EdgeTypes = ["follow"], Orientation = Orientation.Undirected };

        var (g, stats) = await new GraphProjector(reader).ProjectAsync(spec);

        Assert.Equal(["follow"], reader.LastTypeFilter!.ToArray());
        Assert.Equal(4, g.NodeCount);
        // follow edges 1→2, 2→1 (merged) and 2→3; the self-loop is dropped.
        Assert.Equal(4, g.EntryCount);
        Assert.Equal(2f, g.EdgeWeight(g.IdMap.ToDense(1), g.IdMap.ToDense(2)));
        Assert.Equal(1, stats.SelfLoopsDropped);
    }

    [Fact]
    public void MemoryBytes_CountsOffsetsTargetsAndWeights()
    {
        var t = TestGraphs.Parse("a-b b-c d-e");

        // 6 offsets + 6 targets + 6 weights, 4 bytes each.
        Assert.Equal(72, t.Graph.MemoryBytes);
        Assert.Equal(12.0, t.Graph.BytesPerEntry);
    }

    [Fact]
    public void MemoryBytes_AddsMetadataArrays_WhenProjectedWithTimesAndCounts()
    {
        var spec = new ProjectionSpec { IncludeTimes = true, IncludeCounts = true, EdgeTypes = ["message"] };

        var (g, _) = GraphProjector.Project(Nodes, Edges, spec);

        // 5 offsets·4 + 1 entry · (4 target + 4 weight + 8 first + 8 last + 4 count).
        Assert.Equal(20 + 28, g.MemoryBytes);
    }

    [Fact]
    public void IdMap_ToDense_ThrowsClearError_ForUnknownNode()
    {
        var (g, _) = GraphProjector.Project(Nodes, Edges, new ProjectionSpec());

        var error = Assert.Throws<KeyNotFoundException>(() => g.IdMap.ToDense(99));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeighborFirstMs_ThrowsClearError_WhenTimesWereNotProjected()
    {
        var (g, _) = GraphProjector.Project(Nodes, Edges, new ProjectionSpec());

        var error = Assert.Throws<InvalidOperationException>(() => g.NeighborFirstMs(0).ToArray());
        Assert.Contains("IncludeTimes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reverse_And_ToUndirected_KeepWeights()
    {
        var t = TestGraphs.Parse("a->b:2 b->c:5 c->b:1");

        var reversed = t.Graph.Reverse();
        var undirected = t.Graph.ToUndirected();

        Assert.Equal(2f, reversed.EdgeWeight(t["b"], t["a"]));
        Assert.Equal(Orientation.Reverse, reversed.Orientation);
        Assert.Equal(6f, undirected.EdgeWeight(t["b"], t["c"]));
        Assert.Equal(6f, undirected.EdgeWeight(t["c"], t["b"]));
        Assert.Equal(4, undirected.EntryCount);
    }
}
