using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Tests.Projection;

public sealed class CsrBuilderTests
{
    /// <summary>Nodes 0..3; 0→1 twice (as two edge types would give), 1→0, 1→2, 0→3.</summary>
    private static EdgeBuffer Edges(bool withTimes = true, bool withCounts = true)
    {
        var buffer = new EdgeBuffer(withTimes, withCounts);
        buffer.Add(0, 1, 2f, 100, 200, 2);
        buffer.Add(0, 1, 3f, 50, 150, 3);
        buffer.Add(1, 0, 1f, 300, 300, 1);
        buffer.Add(1, 2, 4f, 10, 20, 4);
        buffer.Add(0, 3, 7f, 5, 9, 7);
        return buffer;
    }

    [Fact]
    public void Build_SumsParallelEntries_AndKeepsTheirTimeRangeAndCounts_WhenMerging()
    {
        var g = CsrBuilder.Build(IdMap.Sequential(4), Edges(), Orientation.Natural, merge: true);

        Assert.Equal([1, 3], g.Neighbors(0).ToArray());
        Assert.Equal(5f, g.EdgeWeight(0, 1));
        Assert.Equal(50, g.NeighborFirstMs(0)[0]);
        Assert.Equal(200, g.NeighborLastMs(0)[0]);
        Assert.Equal(5, g.NeighborCounts(0)[0]);
        Assert.Equal(4, g.EntryCount);
    }

    [Fact]
    public void Build_KeepsParallelEntries_WhenNotMerging()
    {
        var g = CsrBuilder.Build(IdMap.Sequential(4), Edges(), Orientation.Natural, merge: false);

        Assert.Equal([1, 1, 3], g.Neighbors(0).ToArray());
        Assert.Equal(5, g.EntryCount);
    }

    [Fact]
    public void Build_MergesBothDirectionsIntoOneEntryPerEnd_WhenUndirected()
    {
        var g = CsrBuilder.Build(IdMap.Sequential(4), Edges(), Orientation.Undirected, merge: true);

        Assert.True(g.IsUndirected);
        Assert.Equal(6f, g.EdgeWeight(0, 1));
        Assert.Equal(6f, g.EdgeWeight(1, 0));
        // 0-1, 1-2, 0-3: three undirected edges, two entries each.
        Assert.Equal(6, g.EntryCount);
    }

    [Fact]
    public void Build_ReversesEdges_WhenOrientationIsReverse()
    {
        var g = CsrBuilder.Build(IdMap.Sequential(4), Edges(), Orientation.Reverse, merge: true);

        Assert.True(g.HasEdge(2, 1));
        Assert.False(g.HasEdge(1, 2));
        Assert.Equal(Orientation.Reverse, g.Orientation);
    }

    [Fact]
    public void Build_SortsEveryRowByTarget_WithItsPayload()
    {
        var buffer = new EdgeBuffer(withTimes: true, withCounts: false);
        buffer.Add(0, 3, 3f, 30, 31);
        buffer.Add(0, 1, 1f, 10, 11);
        buffer.Add(0, 2, 2f, 20, 21);

        var g = CsrBuilder.Build(IdMap.Sequential(4), buffer, Orientation.Natural, merge: false);

        Assert.Equal([1, 2, 3], g.Neighbors(0).ToArray());
        Assert.Equal([1f, 2f, 3f], g.NeighborWeights(0).ToArray());
        Assert.Equal([10L, 20, 30], g.NeighborFirstMs(0).ToArray());
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
    public void MemoryBytes_AddsMetadataArrays_WhenBuiltWithTimesAndCounts()
    {
        var buffer = new EdgeBuffer(withTimes: true, withCounts: true);
        buffer.Add(0, 1, 1f, 5, 9, 3);

        var g = CsrBuilder.Build(IdMap.Sequential(4), buffer, Orientation.Natural, merge: true);

        // 5 offsets·4 + 1 entry · (4 target + 4 weight + 8 first + 8 last + 4 count).
        Assert.Equal(20 + 28, g.MemoryBytes);
    }

    [Fact]
    public void IdMap_MapsStoreIdsBothWays_AndThrowsClearError_ForUnknownNode()
    {
        GraphNode[] nodes = [new(10, NodeKind.Account, "u10", 0, 0), new(20, NodeKind.Content, "c20", 0, 0)];
        var g = TestProjection.Build(nodes, [new GraphEdge(10, 20, "like", 1, 0, 0, 0)]);

        Assert.Equal(1, g.IdMap.ToDense(20));
        Assert.Equal(10, g.IdMap.ToExternal(0));
        Assert.Equal(NodeKind.Content, g.IdMap.KindOf(1));
        var error = Assert.Throws<KeyNotFoundException>(() => g.IdMap.ToDense(99));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeighborFirstMs_ThrowsClearError_WhenBuiltWithoutTimes()
    {
        var g = CsrBuilder.Build(IdMap.Sequential(4), Edges(withTimes: false, withCounts: false), Orientation.Natural, merge: true);

        var error = Assert.Throws<InvalidOperationException>(() => g.NeighborFirstMs(0).ToArray());
        Assert.Contains("withTimes", error.Message, StringComparison.Ordinal);
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
