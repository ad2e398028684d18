using BehaviorGraph.Analytics.Algorithms.Fraudar;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// The part of the engagement graph new events can have changed, as its own small graph for FRAUDAR: rows are the
/// accounts that engaged in the new events and the members of touched blocks; columns are the targets they engaged and
/// the touched blocks' targets; edges are the engagements between them (refinement then runs on the whole graph, so a
/// peeled block takes back the old members and targets it needs), except those inside a block carried unchanged (a full run's
/// peel removes a reported block's edges before peeling the next). Local node ids are rows, then columns, each in
/// engagement-node order; <see cref="Background"/> holds their degrees in the whole engagement graph, so a block
/// peeled here is scored against the whole platform as a full run scores it.
/// </summary>
internal sealed class BlockRegion
{
    private readonly int[] _nodes;

    private BlockRegion(CsrGraph graph, int[] nodes, int rows, FraudarBackground background)
    {
        Graph = graph;
        _nodes = nodes;
        Rows = rows;
        Background = background;
    }

    public CsrGraph Graph { get; }

    public int Rows { get; }

    public long Edges => Graph.EntryCount;

    public FraudarBackground Background { get; }

    /// <summary>A block peeled from the region, in engagement nodes.</summary>
    public FraudarBlock ToEngagement(FraudarBlock block) =>
        block with { Sources = [.. block.Sources.Select(x => _nodes[x])], Targets = [.. block.Targets.Select(x => _nodes[x])] };

    /// <param name="touchedRows">Per account: a row of the region whatever it engages (touched, or in a touched block).</param>
    /// <param name="touchedColumns">Per engagement node: a column of the region.</param>
    /// <param name="carried">Per engagement node: an account or target of a block carried unchanged.</param>
    public static BlockRegion Build(EngagementGraph engagement, bool[] touchedRows, bool[] touchedColumns, bool[] carried)
    {
        var g = engagement.Graph;
        var n = engagement.AccountCount;
        var isRow = touchedRows;
        var local = new int[g.NodeCount];
        var nodes = new List<int>();
        for (var u = 0; u < n; u++)
        {
            local[u] = isRow[u] ? nodes.Count : -1;
            if (isRow[u])
            {
                nodes.Add(u);
            }
        }

        var rows = nodes.Count;
        for (var v = n; v < g.NodeCount; v++)
        {
            local[v] = touchedColumns[v] ? nodes.Count : -1;
            if (touchedColumns[v])
            {
                nodes.Add(v);
            }
        }

        var buffer = new EdgeBuffer(withTimes: false, withCounts: false, 1024);
        for (var i = 0; i < rows; i++)
        {
            var u = nodes[i];
            foreach (var v in g.Neighbors(u))
            {
                if (local[v] >= 0 && !(carried[u] && carried[v]))
                {
                    buffer.Add(i, local[v], 1f);
                }
            }
        }

        var outDegree = new int[nodes.Count];
        var inDegree = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            outDegree[i] = g.Degree(nodes[i]);
            inDegree[i] = engagement.ColumnDegree[nodes[i]];
        }

        var graph = CsrBuilder.Build(IdMap.Sequential(nodes.Count), buffer, Orientation.Natural, merge: true);
        return new BlockRegion(graph, [.. nodes], rows, new FraudarBackground(outDegree, inDegree, engagement.EdgeCount));
    }
}
