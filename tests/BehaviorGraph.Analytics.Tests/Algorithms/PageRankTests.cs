using BehaviorGraph.Analytics.Algorithms.PageRank;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class PageRankTests
{
    [Fact]
    public void PageRank_GivesOneThirdEach_OnThreeNodeCycle()
    {
        var t = TestGraphs.Parse("a->b b->c c->a");

        var r = PageRank.Run(t.Graph, PageRankParameters.Default);

        Assert.All(r.Scores, s => Assert.Equal(1.0 / 3, s, 12));
        Assert.True(r.Converged);
    }

    [Fact]
    public void PageRank_SpreadsDanglingMassUniformly()
    {
        // a→b, b dangling, d = 0.85: x_a = 0.075 + 0.425·x_b and x_a + x_b = 1 ⇒ x_a = 0.5 / 1.425.
        var t = TestGraphs.Parse("a->b");

        var r = PageRank.Run(t.Graph, PageRankParameters.Default with { Tolerance = 1e-12 });

        Assert.Equal(0.5 / 1.425, r.Scores[t["a"]], 9);
        Assert.Equal(1 - (0.5 / 1.425), r.Scores[t["b"]], 9);
    }

    [Fact]
    public void PageRank_SplitsByWeight_WhenWeighted()
    {
        // d = 0.5: x_a = 1/6 + (x_b + x_c)/2, x_b = 1/6 + 0.375·x_a, x_c = 1/6 + 0.125·x_a ⇒ 4/9, 1/3, 2/9.
        var t = TestGraphs.Parse("a->b:3 a->c:1 b->a c->a");
        var p = new PageRankParameters { Damping = 0.5, Weighted = true, Tolerance = 1e-13 };

        var r = PageRank.Run(t.Graph, p);

        Assert.Equal(4.0 / 9, r.Scores[t["a"]], 9);
        Assert.Equal(1.0 / 3, r.Scores[t["b"]], 9);
        Assert.Equal(2.0 / 9, r.Scores[t["c"]], 9);
    }

    [Fact]
    public void PersonalizedPageRank_RestartsAtSeeds_LikeTrustRank()
    {
        // Seed a, d = 0.5 on a⇄b, isolated c: x_a = 0.5 + 0.5·x_b, x_b = 0.5·x_a ⇒ 2/3, 1/3, c gets nothing.
        var t = TestGraphs.Parse("a->b b->a c");
        var p = new PageRankParameters { Damping = 0.5, Seeds = [t["a"]], Tolerance = 1e-13 };

        var r = PageRank.Run(t.Graph, p);

        Assert.Equal(2.0 / 3, r.Scores[t["a"]], 9);
        Assert.Equal(1.0 / 3, r.Scores[t["b"]], 9);
        Assert.Equal(0.0, r.Scores[t["c"]]);
    }

    [Fact]
    public void AntiTrustRank_FlowsDistrustBackToWhoLinksToBadSeed()
    {
        // x and y follow the bad account z; w follows x. On the reversed graph distrust from z reaches x and y, then w.
        var t = TestGraphs.Parse("x->z y->z w->x v");
        var p = new PageRankParameters { Seeds = [t["z"]] };

        var r = PageRank.Run(t.Graph.Reverse(), p);

        Assert.True(r.Scores[t["x"]] > r.Scores[t["w"]]);
        Assert.True(r.Scores[t["w"]] > 0);
        Assert.Equal(r.Scores[t["x"]], r.Scores[t["y"]], 12);
        Assert.Equal(0.0, r.Scores[t["v"]]);
    }

    [Fact]
    public void PageRank_ReportsNotConverged_WhenIterationsRunOut()
    {
        var t = TestGraphs.Parse("a->b b->c c->a a->c");

        var r = PageRank.Run(t.Graph, PageRankParameters.Default with { MaxIterations = 1, Tolerance = 0 });

        Assert.Equal(1, r.Iterations);
        Assert.False(r.Converged);
    }

    [Fact]
    public void PageRank_RejectsSeedOutsideGraph()
    {
        var t = TestGraphs.Parse("a->b");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PageRank.Run(t.Graph, new PageRankParameters { Seeds = [5] }));
        Assert.Contains("Seed 5", error.Message, StringComparison.Ordinal);
    }
}
