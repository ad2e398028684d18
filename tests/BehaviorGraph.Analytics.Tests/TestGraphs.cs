using System.Globalization;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Tests;

/// <summary>
/// Small graphs as text, GDS style: "a-b b-c d-e" (undirected), "a->b" (directed; any arrow makes the whole graph
/// directed and "a-b" then means both directions), "a-b:3" (weight 3), a lone "f" (isolated node). The text becomes
/// account nodes and follow edges, built by the production CSR builder (<see cref="TestProjection"/>).
/// </summary>
public static class TestGraphs
{
    public static TestGraph Parse(string text)
    {
        var tokens = text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var directed = tokens.Any(t => t.Contains("->", StringComparison.Ordinal));
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodes = new List<GraphNode>();
        var edges = new List<GraphEdge>();

        long Node(string name)
        {
            if (name.Length == 0)
            {
                throw new FormatException($"Empty node name in '{text}'.");
            }

            if (!names.TryGetValue(name, out var index))
            {
                index = names.Count;
                names.Add(name, index);
                nodes.Add(new GraphNode(index + 1, NodeKind.Account, name, 0, 0));
            }

            return index + 1;
        }

        foreach (var token in tokens)
        {
            var (body, weight) = SplitWeight(token);
            var arrow = body.IndexOf("->", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                edges.Add(Edge(Node(body[..arrow]), Node(body[(arrow + 2)..]), weight));
                continue;
            }

            var dash = body.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                Node(body);
                continue;
            }

            var a = Node(body[..dash]);
            var b = Node(body[(dash + 1)..]);
            edges.Add(Edge(a, b, weight));
            if (directed)
            {
                edges.Add(Edge(b, a, weight));
            }
        }

        var graph = TestProjection.Build(nodes, edges, directed ? Orientation.Natural : Orientation.Undirected, e => (float)e.ValueSum);
        return new TestGraph(graph, names);
    }

    private static (string Body, double Weight) SplitWeight(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (token, 1.0);
        }

        var weightText = token[(colon + 1)..];
        if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
        {
            throw new FormatException($"Bad weight '{weightText}' in '{token}'.");
        }

        return (token[..colon], weight);
    }

    private static GraphEdge Edge(long source, long target, double weight) =>
        new(source, target, "follow", 1, 0, 0, weight);
}
