using BehaviorGraph.Analytics.Algorithms.Wcc;
using BehaviorGraph.Analytics.Benchmarks;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class WccTests
{
    [Fact]
    public void Wcc_FindsOneComponent_ForTwoTrianglesJoinedByBridge()
    {
        var t = TestGraphs.Parse(ReferenceGraphs.TwoTrianglesWithBridge);

        var r = Wcc.Run(t.Graph, WccParameters.Default);

        Assert.Equal(1, r.ComponentCount);
        Assert.Equal([6], r.Sizes);
    }

    [Fact]
    public void Wcc_NumbersComponentsBySmallestNode_AndReportsSizes()
    {
        var t = TestGraphs.Parse("a-b b-c d-e f");

        var r = Wcc.Run(t.Graph, WccParameters.Default);

        Assert.Equal([0, 0, 0, 1, 1, 2], t.Ids("a", "b", "c", "d", "e", "f").Select(i => r.Components[i]).ToArray());
        Assert.Equal([3, 2, 1], r.Sizes);
        Assert.Equal(3, r.LargestSize);
    }

    [Fact]
    public void Wcc_IgnoresDirection()
    {
        var t = TestGraphs.Parse("a->b c->b d->e");

        var r = Wcc.Run(t.Graph, WccParameters.Default);

        Assert.Equal(2, r.ComponentCount);
        Assert.Equal(r.Components[t["a"]], r.Components[t["c"]]);
        Assert.NotEqual(r.Components[t["a"]], r.Components[t["d"]]);
    }

    [Fact]
    public void Wcc_MatchesBreadthFirstSearch_OnGeneratedGraph()
    {
        var g = SyntheticGraphs.PowerLaw(20_000, 15_000, 2.5, seed: 7);

        var r = Wcc.Run(g, WccParameters.Default);

        // Reference: BFS labelling in node order yields the same smallest-node numbering.
        var expected = new int[g.NodeCount];
        Array.Fill(expected, -1);
        var next = 0;
        var queue = new Queue<int>();
        for (var s = 0; s < g.NodeCount; s++)
        {
            if (expected[s] >= 0)
            {
                continue;
            }

            expected[s] = next;
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                var u = queue.Dequeue();
                foreach (var v in g.Neighbors(u))
                {
                    if (expected[v] < 0)
                    {
                        expected[v] = next;
                        queue.Enqueue(v);
                    }
                }
            }

            next++;
        }

        Assert.Equal(next, r.ComponentCount);
        Assert.Equal(expected, r.Components);
    }
}
