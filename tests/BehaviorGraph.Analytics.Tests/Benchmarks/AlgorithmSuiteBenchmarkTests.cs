using BehaviorGraph.Analytics.Benchmarks;

namespace BehaviorGraph.Analytics.Tests.Benchmarks;

public sealed class AlgorithmSuiteBenchmarkTests
{
    [Fact]
    public void Run_ReportsEveryAlgorithmOfTheSuite_WithSummaries()
    {
        var g = SyntheticGraphs.PowerLaw(1_000, 5_000, 2.5, seed: 1);
        using var output = new StringWriter();

        var report = AlgorithmSuiteBenchmark.Run(g, output);

        Assert.Equal(["wcc", "louvain", "kcore", "triangles", "pagerank"], report.Timings.Select(t => t.Algorithm).ToArray());
        Assert.Equal(5_000, report.UndirectedEdges);
        Assert.Contains("modularity=", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("total:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PowerLaw_IsDeterministic_AndSimple()
    {
        var a = SyntheticGraphs.PowerLaw(1_000, 5_000, 2.5, seed: 4);
        var b = SyntheticGraphs.PowerLaw(1_000, 5_000, 2.5, seed: 4);

        Assert.Equal(a.Targets.ToArray(), b.Targets.ToArray());
        Assert.Equal(10_000, a.EntryCount);
        for (var u = 0; u < a.NodeCount; u++)
        {
            var row = a.Neighbors(u);
            for (var k = 0; k < row.Length; k++)
            {
                Assert.NotEqual(u, row[k]);
                Assert.True(k == 0 || row[k] > row[k - 1]);
            }
        }
    }

    [Fact]
    public void WriteEdgeList_WritesEachUndirectedEdgeOnce()
    {
        var t = TestGraphs.Parse("a-b b-c d-e");
        using var output = new StringWriter();

        SyntheticGraphs.WriteEdgeList(t.Graph, output);

        Assert.Equal("0 1\n1 2\n3 4\n", output.ToString());
    }
}
