using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Algorithms.Louvain;
using BehaviorGraph.Analytics.Benchmarks;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class LouvainWarmStartTests
{
    // Warm-started partitions may differ from a cold run's, but re-optimising the disturbed nodes must land close: this
    // is the modularity tolerance the incremental ring pass is held to.
    private const double ModularityTolerance = 0.02;

    public static TheoryData<int, int, ulong> Graphs() => new()
    {
        { 300, 900, 1 },
        { 1_000, 5_000, 4 },
        { 2_000, 6_000, 9 },
        { 4_000, 20_000, 42 },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void NothingMovable_ReturnsTheInitialPartition_WhenItIsLouvainsOwn(int nodes, int edges, ulong seed)
    {
        var g = SyntheticGraphs.PowerLaw(nodes, edges, 2.5, seed);
        var parameters = new LouvainParameters { Seed = seed };
        var cold = Louvain.Run(g, parameters);

        var warm = Louvain.Run(g, parameters, new LouvainWarmStart(cold.Communities, new bool[nodes]), null, CancellationToken.None);

        Assert.Equal(cold.Communities, warm.Communities);
        Assert.Equal(cold.Modularity, warm.Modularity, 12);
        Assert.Equal(0, warm.Levels[0].Moves);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void NothingMovable_OnOneLevel_KeepsAnyInitialPartition(int nodes, int edges, ulong seed)
    {
        var g = SyntheticGraphs.PowerLaw(nodes, edges, 2.5, seed);
        var initial = new int[nodes];
        for (var u = 0; u < nodes; u++)
        {
            initial[u] = (u * 7) % 13;
        }

        var warm = Louvain.Run(g, new LouvainParameters { Seed = seed, MaxLevels = 1 }, new LouvainWarmStart(initial, new bool[nodes]), null, CancellationToken.None);

        AssertSamePartition(initial, warm.Communities);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(7UL)]
    [InlineData(42UL)]
    public void MisplacedMovableNode_GoesBack_WhileMisplacedFixedNodesStay(ulong seed)
    {
        // Two K4s and a bridge a4-b1: a1 and b4 start in the wrong clique; only a1 (and its neighbours) may move.
        var t = TestGraphs.Parse(ReferenceGraphs.TwoCliquesWithBridge);
        var n = t.Graph.NodeCount;
        var initial = new int[n];
        foreach (var b in t.Ids("b1", "b2", "b3", "a1"))
        {
            initial[b] = 1;
        }

        var movable = new bool[n];
        foreach (var m in t.Ids("a1", "a2", "a3", "a4"))
        {
            movable[m] = true;
        }

        var warm = Louvain.Run(t.Graph, new LouvainParameters { Seed = seed, MaxLevels = 1 }, new LouvainWarmStart(initial, movable), null, CancellationToken.None);

        var c = warm.Communities;
        Assert.Equal(c[t["a2"]], c[t["a1"]]);
        Assert.Equal(c[t["a2"]], c[t["b4"]]);
        Assert.Equal(c[t["b1"]], c[t["b2"]]);
        Assert.NotEqual(c[t["a1"]], c[t["b1"]]);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void WarmStart_FromADisturbedPartition_ReachesTheColdModularity(int nodes, int edges, ulong seed)
    {
        var g = SyntheticGraphs.PowerLaw(nodes, edges, 2.5, seed);
        var parameters = new LouvainParameters { Seed = seed };
        var cold = Louvain.Run(g, parameters);
        foreach (var share in new[] { 0.01, 0.05, 0.2 })
        {
            var (initial, movable) = Disturb(g, cold.Communities, share, seed);
            var disturbed = Modularity.Compute(g, Canonical(initial), 1.0);

            var warm = Louvain.Run(g, parameters, new LouvainWarmStart(initial, movable), null, CancellationToken.None);

            Assert.True(warm.Modularity >= cold.Modularity - ModularityTolerance, $"share {share}: warm {warm.Modularity:0.0000} vs cold {cold.Modularity:0.0000}");
            Assert.True(warm.Modularity > disturbed, $"share {share}: warm {warm.Modularity:0.0000} did not improve on the disturbed {disturbed:0.0000}");
        }
    }

    [Fact]
    public void WarmStart_IsDeterministicForASeed()
    {
        var g = SyntheticGraphs.PowerLaw(2_000, 8_000, 2.5, 3);
        var cold = Louvain.Run(g, new LouvainParameters { Seed = 3 });
        var (initial, movable) = Disturb(g, cold.Communities, 0.1, 3);
        var warmStart = new LouvainWarmStart(initial, movable);

        var a = Louvain.Run(g, new LouvainParameters { Seed = 3 }, warmStart, null, CancellationToken.None);
        var b = Louvain.Run(g, new LouvainParameters { Seed = 3 }, warmStart, null, CancellationToken.None);

        Assert.Equal(a.Communities, b.Communities);
        Assert.Equal(a.Modularity, b.Modularity);
    }

    [Fact]
    public void WarmStart_OfTheWrongLength_OrWithNegativeLabels_IsRejected()
    {
        var g = SyntheticGraphs.PowerLaw(100, 300, 2.5, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => Louvain.Run(g, LouvainParameters.Default, new LouvainWarmStart(new int[99], new bool[100]), null, CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => Louvain.Run(g, LouvainParameters.Default, new LouvainWarmStart(new int[100], new bool[101]), null, CancellationToken.None));
        var negative = new int[100];
        negative[5] = -1;
        Assert.Throws<ArgumentException>(() => Louvain.Run(g, LouvainParameters.Default, new LouvainWarmStart(negative, new bool[100]), null, CancellationToken.None));
    }

    /// <summary>A share of the nodes taken out of their community (each alone), movable with their neighbours.</summary>
    private static (int[] Initial, bool[] Movable) Disturb(CsrGraph g, int[] communities, double share, ulong seed)
    {
        var n = g.NodeCount;
        var initial = (int[])communities.Clone();
        var movable = new bool[n];
        var random = new Random((int)seed);
        for (var u = 0; u < n; u++)
        {
            if (random.NextDouble() < share)
            {
                initial[u] = n + u;
                movable[u] = true;
                foreach (var v in g.Neighbors(u))
                {
                    movable[v] = true;
                }
            }
        }

        return (initial, movable);
    }

    private static int[] Canonical(int[] labels)
    {
        var copy = (int[])labels.Clone();
        var map = new Dictionary<int, int>();
        for (var u = 0; u < copy.Length; u++)
        {
            if (!map.TryGetValue(copy[u], out var id))
            {
                map.Add(copy[u], id = map.Count);
            }

            copy[u] = id;
        }

        return copy;
    }

    private static void AssertSamePartition(int[] expected, int[] actual) => Assert.Equal(Canonical(expected), Canonical(actual));
}
