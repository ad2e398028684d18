using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>Measures blocks of one engagement graph; holds the platform-wide figures they are compared with.</summary>
internal sealed class BlockMeasure
{
    private readonly PlatformGraphs _graphs;
    private readonly EngagementGraph _engagement;
    private readonly int[] _rowDegree;
    private readonly double _backgroundDensity;
    private readonly double _platformAnswered;
    private readonly bool[] _inTargets;

    /// <summary>
    /// Measures on <paramref name="engagement"/>; with <paramref name="platformAnsweredShare"/> known (an incremental
    /// run reuses the previous run's) the pass over every engagement that measures it is skipped.
    /// </summary>
    public BlockMeasure(PlatformData data, PlatformGraphs graphs, EngagementGraph engagement, double? platformAnsweredShare = null)
    {
        _graphs = graphs;
        _engagement = engagement;
        var g = engagement.Graph;
        var n = engagement.AccountCount;
        _rowDegree = new int[n];
        int rows = 0, columns = 0;
        long answerable = 0, answered = 0;
        for (var u = 0; u < n; u++)
        {
            _rowDegree[u] = g.Degree(u);
            rows += _rowDegree[u] > 0 ? 1 : 0;
            if (platformAnsweredShare is not null)
            {
                continue;
            }

            foreach (var v in g.Neighbors(u))
            {
                var behind = engagement.AccountBehind(v);
                if (behind >= 0)
                {
                    answerable++;
                    answered += graphs.Interaction.HasEdge(behind, u) ? 1 : 0;
                }
            }
        }

        foreach (var d in engagement.ColumnDegree)
        {
            columns += d > 0 ? 1 : 0;
        }

        _backgroundDensity = rows == 0 || columns == 0 ? 0 : engagement.EdgeCount / ((double)rows * columns);
        _platformAnswered = platformAnsweredShare ?? (answerable == 0 ? 0 : (double)answered / answerable);
        _inTargets = new bool[g.NodeCount];
        _ = data;
    }

    /// <summary>The share of answerable engagement the targets' owners answer, platform-wide.</summary>
    public double PlatformAnsweredShare => _platformAnswered;

    public BlockMeasurement Of(RefinedBlock block, double peelDensity)
    {
        var g = _engagement.Graph;
        var accounts = block.Accounts;
        var targets = block.Targets;
        foreach (var v in targets)
        {
            _inTargets[v] = true;
        }

        long edges = 0, answerable = 0, answered = 0, rowDegrees = 0;
        long first = long.MaxValue, last = long.MinValue;
        foreach (var u in accounts)
        {
            rowDegrees += _rowDegree[u];
            var neighbours = g.Neighbors(u);
            var firsts = g.NeighborFirstMs(u);
            var lasts = g.NeighborLastMs(u);
            for (var k = 0; k < neighbours.Length; k++)
            {
                var v = neighbours[k];
                if (!_inTargets[v])
                {
                    continue;
                }

                edges++;
                first = Math.Min(first, firsts[k]);
                last = Math.Max(last, lasts[k]);
                var behind = _engagement.AccountBehind(v);
                if (behind >= 0)
                {
                    answerable++;
                    answered += _graphs.Interaction.HasEdge(behind, u) ? 1 : 0;
                }
            }
        }

        var content = 0;
        foreach (var v in targets)
        {
            content += _engagement.IsContentColumn(v) ? 1 : 0;
            _inTargets[v] = false;
        }

        var cells = (double)accounts.Length * targets.Length;
        return new BlockMeasurement(
            accounts,
            targets,
            content,
            targets.Length - content,
            edges,
            cells == 0 ? 0 : edges / cells,
            _backgroundDensity,
            block.Lift,
            block.Surprise,
            block.ExcessDensity,
            peelDensity,
            answerable,
            answerable == 0 ? 0 : (double)answered / answerable,
            _platformAnswered,
            rowDegrees == 0 ? 0 : 1 - ((double)edges / rowDegrees),
            edges == 0 ? 0 : last - first);
    }
}
