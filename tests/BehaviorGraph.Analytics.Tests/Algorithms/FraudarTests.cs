using BehaviorGraph.Analytics.Algorithms.Fraudar;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Tests.Algorithms;

public sealed class FraudarTests
{
    /// <summary>
    /// Review graph: 200 honest users each rate 3 of 20 popular products and 2 of 100 niche ones (seeded);
    /// fraud accounts rate every product of their planted block, and each also rates two popular products as
    /// camouflage. Node ids: users 1.., products 10_000...
    /// </summary>
    private static (CsrGraph Graph, long[] Fraud, long[] Planted, long[] Fraud2, long[] Planted2) ReviewGraph()
    {
        var random = new Random(1234);
        var nodes = new List<GraphNode>();
        var edges = new List<GraphEdge>();
        long nextUser = 1;
        long nextProduct = 10_000;
        long[] NewNodes(int count, NodeKind kind, ref long next)
        {
            var ids = new long[count];
            for (var i = 0; i < count; i++)
            {
                ids[i] = next++;
                nodes.Add(new GraphNode(ids[i], kind, ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture), 0, 0));
            }

            return ids;
        }

        var honest = NewNodes(200, NodeKind.Account, ref nextUser);
        var fraud = NewNodes(10, NodeKind.Account, ref nextUser);
        var fraud2 = NewNodes(8, NodeKind.Account, ref nextUser);
        var popular = NewNodes(20, NodeKind.Content, ref nextProduct);
        var niche = NewNodes(100, NodeKind.Content, ref nextProduct);
        var planted = NewNodes(10, NodeKind.Content, ref nextProduct);
        var planted2 = NewNodes(8, NodeKind.Content, ref nextProduct);
        void Rate(long user, long product) => edges.Add(new GraphEdge(user, product, "rate", 1, 0, 0, 5));

        foreach (var user in honest)
        {
            foreach (var p in popular.OrderBy(_ => random.Next()).Take(3))
            {
                Rate(user, p);
            }

            foreach (var p in niche.OrderBy(_ => random.Next()).Take(2))
            {
                Rate(user, p);
            }
        }

        for (var i = 0; i < fraud.Length; i++)
        {
            Array.ForEach(planted, p => Rate(fraud[i], p));
            Rate(fraud[i], popular[2 * i]);
            Rate(fraud[i], popular[(2 * i) + 1]);
        }

        foreach (var f in fraud2)
        {
            Array.ForEach(planted2, p => Rate(f, p));
        }

        var graph = TestProjection.Build(nodes, edges);
        return (graph, fraud, planted, fraud2, planted2);
    }

    [Fact]
    public void Fraudar_FindsPlantedBlock_DespiteCamouflage()
    {
        var (g, fraud, planted, _, _) = ReviewGraph();

        var r = Fraudar.Run(g, FraudarParameters.Default);

        var block = Assert.Single(r.Blocks);
        Assert.Equal(fraud, block.Sources.Select(g.IdMap.ToExternal).ToArray());
        Assert.Equal(planted, block.Targets.Select(g.IdMap.ToExternal).ToArray());
        Assert.Equal(100, block.EdgeCount);
        // Every planted product has in-degree 10: f = 100 / ln(15) over 20 nodes.
        Assert.Equal(5 / Math.Log(15), block.Density, 9);
        Assert.True(block.Density > r.GraphDensity, $"block {block.Density} vs graph {r.GraphDensity}");
    }

    [Fact]
    public void Fraudar_ExtractsSuccessiveBlocks_UntilDensityFallsBelowMinimum()
    {
        var (g, fraud, planted, fraud2, planted2) = ReviewGraph();

        var r = Fraudar.Run(g, FraudarParameters.Default with { MaxBlocks = 5, MinDensity = 1.3 });

        Assert.Equal(2, r.Blocks.Count);
        Assert.Equal(fraud, r.Blocks[0].Sources.Select(g.IdMap.ToExternal).ToArray());
        Assert.Equal(planted, r.Blocks[0].Targets.Select(g.IdMap.ToExternal).ToArray());
        Assert.Equal(fraud2, r.Blocks[1].Sources.Select(g.IdMap.ToExternal).ToArray());
        Assert.Equal(planted2, r.Blocks[1].Targets.Select(g.IdMap.ToExternal).ToArray());
        // 8 × 8 block, in-degree 8: 64 / ln(13) over 16 nodes.
        Assert.Equal(4 / Math.Log(13), r.Blocks[1].Density, 9);
    }

    [Fact]
    public void Fraudar_PeelsSmallGraphToDensestBlock()
    {
        // Sources a, b both hit x and y (in-degree 2 each); c hits only z (in-degree 1).
        var t = TestGraphs.Parse("a->x a->y b->x b->y c->z");

        var r = Fraudar.Run(t.Graph, FraudarParameters.Default);

        var block = Assert.Single(r.Blocks);
        Assert.Equal(t.Ids("a", "b"), block.Sources);
        Assert.Equal(t.Ids("x", "y"), block.Targets);
        Assert.Equal(1 / Math.Log(7), block.Density, 12);
    }
}
