using System.Globalization;
using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Reads;

/// <summary>
/// The breadth-first neighbourhood search every backend's <see cref="IAccountGraphReads"/> runs: hop by hop, the
/// heaviest edges touching the frontier first, each edge once, until the depth or the edge limit is reached. The
/// backend supplies two point reads (edges touching a set of node ids, nodes by id).
/// </summary>
public static class NeighbourhoodSearch
{
    /// <summary>Edges from or to any of the node ids, heaviest first, at most the limit.</summary>
    public delegate Task<IReadOnlyList<GraphEdge>> EdgesTouching(IReadOnlyCollection<long> ids, int limit, CancellationToken cancellationToken);

    /// <summary>The nodes with these ids (any order; ids not in the graph are left out).</summary>
    public delegate Task<IReadOnlyList<GraphNode>> NodesById(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    public static async Task<GraphNeighbourhood> SearchAsync(
        GraphNode start, int depth, int limit, EdgesTouching edgesTouching, NodesById nodesById, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edgesTouching);
        ArgumentNullException.ThrowIfNull(nodesById);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var hops = new Dictionary<long, int> { [start.Id] = 0 };
        var edges = new List<GraphEdge>();
        var seen = new HashSet<(long, long, string)>();
        var frontier = new List<long> { start.Id };
        var truncated = false;
        for (var hop = 1; hop <= depth && frontier.Count > 0; hop++)
        {
            var found = await edgesTouching(frontier, limit - edges.Count + 1, cancellationToken);
            var next = new List<long>();
            foreach (var edge in found)
            {
                if (edges.Count == limit)
                {
                    truncated = true;
                    break;
                }

                if (!seen.Add((edge.Source, edge.Target, edge.Type)))
                {
                    continue;
                }

                edges.Add(edge);
                foreach (var end in (ReadOnlySpan<long>)[edge.Source, edge.Target])
                {
                    if (hops.TryAdd(end, hop))
                    {
                        next.Add(end);
                    }
                }
            }

            frontier = next;
        }

        var nodes = (await nodesById(hops.Keys, cancellationToken)).ToDictionary(n => n.Id);
        return new GraphNeighbourhood(
            start.Key,
            depth,
            hops.OrderBy(h => h.Value).ThenBy(h => h.Key).Select(h => new NeighbourNode(nodes[h.Key].Key, nodes[h.Key].Kind, h.Value)).ToList(),
            edges.Select(e => Keyed(e, nodes)).ToList(),
            truncated);
    }

    /// <summary>The edge with its ends named by key; an end not in <paramref name="nodes"/> is named by its id, of no kind.</summary>
    public static KeyedEdge Keyed(GraphEdge edge, IReadOnlyDictionary<long, GraphNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var hasSource = nodes.TryGetValue(edge.Source, out var source);
        var hasTarget = nodes.TryGetValue(edge.Target, out var target);
        return new KeyedEdge(
            hasSource ? source.Key : edge.Source.ToString(CultureInfo.InvariantCulture),
            hasSource ? source.Kind : null,
            hasTarget ? target.Key : edge.Target.ToString(CultureInfo.InvariantCulture),
            hasTarget ? target.Kind : null,
            edge.Type,
            edge.Count,
            edge.FirstMs,
            edge.LastMs);
    }
}
