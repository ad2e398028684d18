using BehaviorGraph.Analytics.Algorithms.LabelPropagation;
using BehaviorGraph.Analytics.Algorithms.Louvain;
using BehaviorGraph.Analytics.Benchmarks;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class CommunityTests
{
    // Two K4s and a bridge: m = 13, each community has in = 2·6 = 12 and tot = 4·3 + 1 = 13,
    // so Q = 2·(12/26 − (13/26)²) = 11/26.
    private const double TwoCliquesModularity = 11.0 / 26;

    [Fact]
    public void Louvain_FindsTwoCliques_WithHandComputedModularity()
    {
        var t = TestGraphs.Parse(ReferenceGraphs.TwoCliquesWithBridge);

        var r = Louvain.Run(t.Graph, LouvainParameters.Default);

        AssertTwoCliques(t, r.Communities);
        Assert.Equal(2, r.CommunityCount);
        Assert.Equal(TwoCliquesModularity, r.Modularity, 9);
        Assert.Equal(TwoCliquesModularity, r.Levels[^1].Modularity, 9);
    }

    [Fact]
    public void Louvain_KeepsSingletons_WhenResolutionIsHigh()
    {
        // At γ = 10 no merge pays: w = 1 < 10·3·3/26. Singletons: Q = −10·(6·3² + 2·4²)/26².
        var t = TestGraphs.Parse(ReferenceGraphs.TwoCliquesWithBridge);

        var r = Louvain.Run(t.Graph, LouvainParameters.Default with { Resolution = 10 });

        Assert.Equal(8, r.CommunityCount);
        Assert.Equal(-10.0 * 86 / 676, r.Modularity, 9);
        Assert.Empty(r.Levels);
    }

    [Fact]
    public void Louvain_UsesWeights()
    {
        // Square a-b-c-d-a with heavy a-b and c-d: the heavy pairs are the communities.
        var t = TestGraphs.Parse("a-b:10 b-c:1 c-d:10 d-a:1");

        var weighted = Louvain.Run(t.Graph, LouvainParameters.Default);

        Assert.Equal(weighted.Communities[t["a"]], weighted.Communities[t["b"]]);
        Assert.Equal(weighted.Communities[t["c"]], weighted.Communities[t["d"]]);
        Assert.NotEqual(weighted.Communities[t["a"]], weighted.Communities[t["c"]]);
        // in = 20 per community, tot = 22, 2m = 44: Q = 2·(20/44 − 0.25).
        Assert.Equal(2 * ((20.0 / 44) - 0.25), weighted.Modularity, 6);
    }

    [Fact]
    public void Louvain_IsDeterministic_ForASeed_AndReportsIncreasingModularityPerLevel()
    {
        var g = SyntheticGraphs.PowerLaw(5_000, 20_000, 2.5, seed: 5);

        var first = Louvain.Run(g, LouvainParameters.Default with { Seed = 9 });
        var second = Louvain.Run(g, LouvainParameters.Default with { Seed = 9 });

        Assert.Equal(first.Communities, second.Communities);
        Assert.Equal(first.Modularity, second.Modularity);
        Assert.True(first.Levels.Count >= 2);
        for (var l = 1; l < first.Levels.Count; l++)
        {
            Assert.True(first.Levels[l].Modularity >= first.Levels[l - 1].Modularity - 1e-12);
        }

        Assert.Equal(first.Levels[^1].Modularity, first.Modularity, 9);
    }

    [Fact]
    public void LabelPropagation_FindsTwoCliques_AndReportsModularity()
    {
        var t = TestGraphs.Parse(ReferenceGraphs.TwoCliquesWithBridge + " z");

        var r = LabelPropagation.Run(t.Graph, LabelPropagationParameters.Default);

        AssertTwoCliques(t, r.Communities);
        Assert.Equal(3, r.CommunityCount);
        Assert.NotEqual(r.Communities[t["z"]], r.Communities[t["a1"]]);
        Assert.NotEqual(r.Communities[t["z"]], r.Communities[t["b1"]]);
        Assert.True(r.Converged);
        Assert.Equal(TwoCliquesModularity, r.Modularity, 9);
    }

    [Fact]
    public void LabelPropagation_IsDeterministic_ForASeed()
    {
        var g = SyntheticGraphs.PowerLaw(5_000, 20_000, 2.5, seed: 5);

        var first = LabelPropagation.Run(g, LabelPropagationParameters.Default with { Seed = 3 });
        var second = LabelPropagation.Run(g, LabelPropagationParameters.Default with { Seed = 3 });

        Assert.Equal(first.Communities, second.Communities);
        Assert.Equal(first.Iterations, second.Iterations);
    }

    private static void AssertTwoCliques(TestGraph t, int[] communities)
    {
        var a = t.Ids("a1", "a2", "a3", "a4").Select(i => communities[i]).Distinct().ToArray();
        var b = t.Ids("b1", "b2", "b3", "b4").Select(i => communities[i]).Distinct().ToArray();
        Assert.Single(a);
        Assert.Single(b);
        Assert.NotEqual(a[0], b[0]);
    }
}
