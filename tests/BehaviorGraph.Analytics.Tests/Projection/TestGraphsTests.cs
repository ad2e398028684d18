namespace BehaviorGraph.Analytics.Tests.Projection;

public sealed class TestGraphsTests
{
    [Fact]
    public void Parse_BuildsUndirectedGraph_FromDashes()
    {
        var t = TestGraphs.Parse("a-b b-c d-e");

        Assert.True(t.Graph.IsUndirected);
        Assert.Equal(5, t.Graph.NodeCount);
        Assert.Equal(6, t.Graph.EntryCount);
        Assert.Equal(t.Ids("a", "c"), t.Graph.Neighbors(t["b"]).ToArray());
    }

    [Fact]
    public void Parse_BuildsDirectedWeightedGraph_FromArrows()
    {
        var t = TestGraphs.Parse("a->b:3 b-c f");

        Assert.False(t.Graph.IsUndirected);
        Assert.Equal(4, t.Graph.NodeCount);
        Assert.Equal(3f, t.Graph.EdgeWeight(t["a"], t["b"]));
        Assert.Equal(0f, t.Graph.EdgeWeight(t["b"], t["a"]));
        Assert.True(t.Graph.HasEdge(t["b"], t["c"]));
        Assert.True(t.Graph.HasEdge(t["c"], t["b"]));
        Assert.Equal(0, t.Graph.Degree(t["f"]));
    }

    [Fact]
    public void Parse_Throws_OnBadWeight()
    {
        Assert.Throws<FormatException>(() => TestGraphs.Parse("a-b:x"));
    }
}
