using BehaviorGraph.Analytics.Algorithms.KCore;
using BehaviorGraph.Analytics.Benchmarks;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class KCoreTests
{
    [Fact]
    public void KCore_GivesCoreTwo_ToTwoTrianglesJoinedByBridge()
    {
        var t = TestGraphs.Parse(ReferenceGraphs.TwoTrianglesWithBridge);

        var r = KCore.Run(t.Graph, KCoreParameters.Default);

        Assert.All(r.CoreNumbers, c => Assert.Equal(2, c));
        Assert.Equal(2, r.Degeneracy);
        Assert.Equal(6, r.NodesInMaxCore);
    }

    [Fact]
    public void KCore_SeparatesCliqueFromTail()
    {
        // K4 on a..d, then the path d-e-f and an isolated g.
        var t = TestGraphs.Parse("a-b a-c a-d b-c b-d c-d d-e e-f g");

        var r = KCore.Run(t.Graph, KCoreParameters.Default);

        Assert.Equal([3, 3, 3, 3, 1, 1, 0], t.Ids("a", "b", "c", "d", "e", "f", "g").Select(i => r.CoreNumbers[i]).ToArray());
        Assert.Equal(3, r.Degeneracy);
        Assert.Equal(4, r.NodesInMaxCore);
    }

    [Fact]
    public void KCore_MatchesNaivePeeling_OnGeneratedGraph()
    {
        var g = SyntheticGraphs.PowerLaw(3_000, 15_000, 2.5, seed: 3);

        var r = KCore.Run(g, KCoreParameters.Default);

        // Reference: for k = 1, 2, ... repeatedly delete nodes of degree < k; survivors have core ≥ k.
        var n = g.NodeCount;
        var expected = new int[n];
        var alive = Enumerable.Repeat(true, n).ToArray();
        for (var k = 1; alive.Any(a => a); k++)
        {
            bool removed;
            do
            {
                removed = false;
                for (var u = 0; u < n; u++)
                {
                    if (alive[u] && g.Neighbors(u).ToArray().Count(v => alive[v]) < k)
                    {
                        alive[u] = false;
                        removed = true;
                    }
                }
            }
            while (removed);

            for (var u = 0; u < n; u++)
            {
                if (alive[u])
                {
                    expected[u] = k;
                }
            }
        }

        Assert.Equal(expected, r.CoreNumbers);
    }
}
