using BehaviorGraph.Analytics.Algorithms.Common;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Benchmarks;

/// <summary>Deterministic generated graphs for benchmarks (shared with the igraph script through an edge list).</summary>
public static class SyntheticGraphs
{
    /// <summary>
    /// Chung–Lu style power-law graph: both endpoints of each edge are drawn with probability ∝ (i+1)^(−1/(γ−1)),
    /// giving a degree tail with exponent ≈ γ. Self-loops and duplicates are dropped and draws repeated until
    /// exactly <paramref name="edges"/> distinct undirected edges are kept (fewer only if 16 rounds cannot supply them).
    /// </summary>
    public static CsrGraph PowerLaw(int nodes, int edges, double exponent = 2.5, ulong seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(edges);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(exponent, 2.0);
        var beta = 1.0 / (exponent - 1);
        var power = 1 - beta;
        var top = Math.Pow(nodes + 1.0, power);
        var random = new SplitMix64(seed);
        var keys = new long[(long)(edges * 1.15) + 16];
        var unique = 0;
        for (var round = 0; round < 16 && unique < edges; round++)
        {
            var draw = (long)((edges - unique) * 1.15) + 16;
            if (unique + draw > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(nameof(edges), edges, "Too many edges for one generator.");
            }

            if (unique + draw > keys.Length)
            {
                Array.Resize(ref keys, (int)(unique + draw));
            }

            var count = unique;
            for (long k = 0; k < draw; k++)
            {
                var a = Sample(ref random, top, power, nodes);
                var b = Sample(ref random, top, power, nodes);
                if (a != b)
                {
                    keys[count++] = ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);
                }
            }

            Array.Sort(keys, 0, count);
            unique = 0;
            for (var k = 0; k < count; k++)
            {
                if (k == 0 || keys[k] != keys[k - 1])
                {
                    keys[unique++] = keys[k];
                }
            }
        }

        // Keep a seeded random subset of exactly `edges` so truncation does not favour low ids.
        for (var i = unique - 1; i > 0 && unique > edges; i--)
        {
            var j = random.NextInt(i + 1);
            (keys[i], keys[j]) = (keys[j], keys[i]);
        }

        var kept = Math.Min(unique, edges);
        var buffer = new EdgeBuffer(false, false, kept);
        for (var k = 0; k < kept; k++)
        {
            buffer.Add((int)(keys[k] >> 32), (int)(keys[k] & 0xFFFFFFFF), 1f);
        }

        return CsrBuilder.Build(IdMap.Sequential(nodes, NodeKind.Account), buffer, Orientation.Undirected, merge: true);
    }

    private static int Sample(ref SplitMix64 random, double top, double power, int nodes)
    {
        var x = Math.Pow(random.NextDouble() * top, 1 / power) - 1;
        return Math.Clamp((int)x, 0, nodes - 1);
    }

    /// <summary>Writes each undirected edge once (u &lt; v) as "u v" lines, the format igraph's Read_Edgelist reads.</summary>
    public static void WriteEdgeList(CsrGraph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        var line = new char[32];
        for (var u = 0; u < graph.NodeCount; u++)
        {
            foreach (var v in graph.Neighbors(u))
            {
                if (!graph.IsUndirected || u < v)
                {
                    u.TryFormat(line, out var a);
                    line[a] = ' ';
                    v.TryFormat(line.AsSpan(a + 1), out var b);
                    line[a + 1 + b] = '\n';
                    writer.Write(line, 0, a + b + 2);
                }
            }
        }
    }
}
