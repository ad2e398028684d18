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

    /// <summary>
    /// Random account × item graphs with a few dense blocks of different sizes; the heap-based peel (and its block
    /// removal between rounds) must give, block after block, what removing the lightest side-node by linear scan gives.
    /// </summary>
    [Theory]
    [InlineData(1, 60, 80, 400)]
    [InlineData(2, 150, 300, 1500)]
    [InlineData(3, 300, 200, 4000)]
    public void Fraudar_PeelsTheSameBlocksAsABruteForceGreedyPeel(int seed, int accounts, int items, int background)
    {
        var random = new Random(seed);
        var nodes = new List<GraphNode>();
        for (var i = 0; i < accounts + items; i++)
        {
            nodes.Add(new GraphNode(i + 1, i < accounts ? NodeKind.Account : NodeKind.Content, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 0, 0));
        }

        var pairs = new HashSet<(int, int)>();
        for (var i = 0; i < background; i++)
        {
            pairs.Add((random.Next(accounts), accounts + random.Next(items)));
        }

        for (var block = 0; block < 3; block++)
        {
            var rows = Enumerable.Range(0, accounts).OrderBy(_ => random.Next()).Take(5 + random.Next(15)).ToArray();
            var columns = Enumerable.Range(accounts, items).OrderBy(_ => random.Next()).Take(5 + random.Next(15)).ToArray();
            foreach (var r in rows)
            {
                foreach (var c in columns.Where(_ => random.NextDouble() < 0.5 + (0.15 * block)))
                {
                    pairs.Add((r, c));
                }
            }
        }

        var graph = TestProjection.Build(nodes, [.. pairs.Select(p => new GraphEdge(p.Item1 + 1, p.Item2 + 1, "like", 1, 0, 0, 5))]);
        var result = Fraudar.Run(graph, new FraudarParameters { MaxBlocks = 4 });

        var expected = BruteForcePeel(graph, 4);
        Assert.Equal(expected.Count, result.Blocks.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Sources, result.Blocks[i].Sources);
            Assert.Equal(expected[i].Targets, result.Blocks[i].Targets);
        }

        Assert.True(result.Blocks[0].Sources.Length >= 5, "the densest block is a planted one, not a stray pair");
    }

    /// <summary>FRAUDAR's greedy peel written the slow, obvious way: O(V) scan for the lightest side-node per step.</summary>
    private static List<(int[] Sources, int[] Targets)> BruteForcePeel(CsrGraph graph, int maxBlocks)
    {
        var n = graph.NodeCount;
        var edges = new List<(int U, int V, double W)>();
        var inDegree = new int[n];
        foreach (var v in graph.Targets)
        {
            inDegree[v]++;
        }

        for (var u = 0; u < n; u++)
        {
            foreach (var v in graph.Neighbors(u))
            {
                edges.Add((u, v, 1.0 / Math.Log(inDegree[v] + 5.0)));
            }
        }

        var alive = Enumerable.Repeat(true, edges.Count).ToArray();
        var blocks = new List<(int[] Sources, int[] Targets)>();
        for (var round = 0; round < maxBlocks; round++)
        {
            var priority = new double[2 * n];
            var present = new bool[2 * n];
            foreach (var i in Enumerable.Range(0, edges.Count).Where(i => alive[i]).OrderBy(i => edges[i].V).ThenBy(i => edges[i].U))
            {
                priority[n + edges[i].V] += edges[i].W;
                present[n + edges[i].V] = true;
            }

            double f = 0;
            for (var i = 0; i < edges.Count; i++)
            {
                if (alive[i])
                {
                    priority[edges[i].U] += edges[i].W;
                    present[edges[i].U] = true;
                    f += edges[i].W;
                }
            }

            var size = present.Count(p => p);
            if (size == 0)
            {
                break;
            }

            var order = new List<int>();
            var best = f / size;
            var bestRemoved = 0;
            while (order.Count < size)
            {
                var x = -1;
                for (var y = 0; y < 2 * n; y++)
                {
                    if (present[y] && (x < 0 || priority[y] < priority[x]))
                    {
                        x = y;
                    }
                }

                present[x] = false;
                order.Add(x);
                for (var i = 0; i < edges.Count; i++)
                {
                    var (u, v, w) = edges[i];
                    var other = x < n ? (u == x ? n + v : -1) : (v == x - n ? u : -1);
                    if (alive[i] && other >= 0 && present[other])
                    {
                        f -= w;
                        priority[other] = Math.Max(0, priority[other] - w);
                    }
                }

                var remaining = size - order.Count;
                if (remaining > 0 && f / remaining > best)
                {
                    best = f / remaining;
                    bestRemoved = order.Count;
                }
            }

            var kept = order.Skip(bestRemoved).ToHashSet();
            var block = (Sources: kept.Where(x => x < n).Order().ToArray(), Targets: kept.Where(x => x >= n).Select(x => x - n).Order().ToArray());
            blocks.Add(block);
            for (var i = 0; i < edges.Count; i++)
            {
                if (block.Sources.Contains(edges[i].U) && block.Targets.Contains(edges[i].V))
                {
                    alive[i] = false;
                }
            }
        }

        return blocks;
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
