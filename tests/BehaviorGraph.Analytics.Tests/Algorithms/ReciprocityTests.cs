using BehaviorGraph.Analytics.Algorithms.Reciprocity;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class ReciprocityTests
{
    [Fact]
    public void Reciprocity_GivesShareOfAnsweredOutEdges_PerNodeAndGlobally()
    {
        var t = TestGraphs.Parse("a->b b->a a->c c->d");

        var r = Reciprocity.Run(t.Graph, ReciprocityParameters.Default);

        Assert.Equal([0.5, 1.0, 0.0, 0.0], t.Ids("a", "b", "c", "d").Select(i => r.Share[i]).ToArray());
        Assert.Equal(4, r.TotalEdges);
        Assert.Equal(2, r.TotalReciprocated);
        Assert.Equal(0.5, r.Global);
    }

    [Fact]
    public void Reciprocity_RejectsUndirectedProjection()
    {
        var t = TestGraphs.Parse("a-b");

        var error = Assert.Throws<ArgumentException>(() => Reciprocity.Run(t.Graph, ReciprocityParameters.Default));
        Assert.Contains("directed", error.Message, StringComparison.Ordinal);
    }
}
