using BehaviorGraph.Analytics.Algorithms.Triangles;
using BehaviorGraph.Analytics.Benchmarks;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class TriangleCountTests
{
    [Fact]
    public void Triangles_CountsOnePerNode_AndLocalClustering_ForTwoTrianglesJoinedByBridge()
    {
        var t = TestGraphs.Parse(ReferenceGraphs.TwoTrianglesWithBridge);

        var r = TriangleCount.Run(t.Graph, TriangleCountParameters.Default);

        Assert.All(r.Triangles, c => Assert.Equal(1, c));
        Assert.Equal(2, r.TriangleCount);
        // c and d have degree 3: 1 triangle out of 3 neighbour pairs.
        var expected = new[] { 1.0, 1.0, 1.0 / 3, 1.0 / 3, 1.0, 1.0 };
        var actual = t.Ids("a", "b", "c", "d", "e", "f").Select(i => r.LocalClustering[i]).ToArray();
        Assert.Equal(expected, actual, (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal((4 + (2.0 / 3)) / 6, r.AverageClustering, 12);
        // 3·2 triangles / (1+1+3+3+1+1) connected triples.
        Assert.Equal(0.6, r.Transitivity, 12);
    }

    [Fact]
    public void Triangles_CountsThreePerNode_InK4()
    {
        var t = TestGraphs.Parse("a-b a-c a-d b-c b-d c-d");

        var r = TriangleCount.Run(t.Graph, TriangleCountParameters.Default);

        Assert.All(r.Triangles, c => Assert.Equal(3, c));
        Assert.Equal(4, r.TriangleCount);
        Assert.All(r.LocalClustering, c => Assert.Equal(1.0, c));
    }

    [Fact]
    public void Triangles_TreatsDirectedEdgesAsUndirected_AndGivesZeroBelowDegreeTwo()
    {
        var t = TestGraphs.Parse("a->b b->c c->a c->d");

        var r = TriangleCount.Run(t.Graph, TriangleCountParameters.Default);

        Assert.Equal(1, r.TriangleCount);
        Assert.Equal(0, r.Triangles[t["d"]]);
        Assert.Equal(0.0, r.LocalClustering[t["d"]]);
    }

    [Fact]
    public void Triangles_MatchBruteForce_OnGeneratedGraph()
    {
        var g = SyntheticGraphs.PowerLaw(2_000, 20_000, 2.3, seed: 11);

        var r = TriangleCount.Run(g, TriangleCountParameters.Default);

        var expected = new long[g.NodeCount];
        for (var u = 0; u < g.NodeCount; u++)
        {
            var nu = g.Neighbors(u);
            for (var i = 0; i < nu.Length; i++)
            {
                for (var j = i + 1; j < nu.Length; j++)
                {
                    if (g.HasEdge(nu[i], nu[j]))
                    {
                        expected[u]++;
                    }
                }
            }
        }

        Assert.Equal(expected, r.Triangles);
        Assert.Equal(expected.Sum() / 3, r.TriangleCount);
    }
}
