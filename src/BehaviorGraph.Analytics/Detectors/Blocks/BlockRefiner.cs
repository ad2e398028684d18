using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// Settles a peeled block's membership by likelihood, both ways. Under the degree model (edges placed at random
/// between the same degrees) a non-member's edges into the block's other side are what its degree predicts; a
/// member's have the block's excess density on top. Each account, then each target, is a member when that is the
/// likelier of the two, and the excess is re-estimated from the members, until nothing changes. Greedy peeling drops block members whose few
/// block edges came late in the order; this takes them back, and drops nodes that only rode along.
/// </summary>
internal sealed class BlockRefiner
{
    private const int MaxRounds = 30;
    private readonly CsrGraph _rows;
    private readonly CsrGraph _columns;
    private readonly double _edges;
    private readonly int[] _count;
    private readonly double[] _score;
    private readonly int[] _hits;
    private readonly bool[] _member;

    public BlockRefiner(CsrGraph rows)
    {
        _rows = rows;
        _columns = rows.Reverse();
        _edges = rows.EntryCount;
        _count = new int[rows.NodeCount];
        _score = new double[rows.NodeCount];
        _hits = new int[rows.NodeCount];
        _member = new bool[rows.NodeCount];
    }

    /// <summary>The graph's columns: who engaged each target (the reverse of the rows).</summary>
    public CsrGraph Columns => _columns;

    /// <summary>The settled block, its edges and the edges its members' degrees predict (0 and 0 when it dissolves).</summary>
    public RefinedBlock Refine(int[] accounts, int[] targets)
    {
        var a = accounts;
        var b = targets;
        for (var round = 0; round < MaxRounds && a.Length > 0 && b.Length > 0; round++)
        {
            var nextA = Side(b, a, _columns, _rows);
            var nextB = Side(nextA, b, _rows, _columns);
            var stable = nextA.AsSpan().SequenceEqual(a) && nextB.AsSpan().SequenceEqual(b);
            a = nextA;
            b = nextB;
            if (stable)
            {
                break;
            }
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return new RefinedBlock([], [], 0, 0);
        }

        long edges = 0, rowDegrees = 0, columnDegrees = 0;
        foreach (var y in b)
        {
            _count[y] = 1;
            columnDegrees += _columns.Degree(y);
        }

        foreach (var x in a)
        {
            rowDegrees += _rows.Degree(x);
            foreach (var y in _rows.Neighbors(x))
            {
                edges += _count[y];
            }
        }

        foreach (var y in b)
        {
            _count[y] = 0;
        }

        return new RefinedBlock(a, b, edges, rowDegrees * (double)columnDegrees / _edges);
    }

    /// <summary>
    /// The connected parts of a block: accounts and targets joined by the block's own edges. Two blocks peeled
    /// together (the densest prefix of the greedy order may hold both) fall apart here.
    /// </summary>
    public List<(int[] Accounts, int[] Targets)> Parts(RefinedBlock block)
    {
        var index = new Dictionary<int, int>();
        foreach (var x in block.Accounts)
        {
            index[x] = index.Count;
        }

        foreach (var y in block.Targets)
        {
            index[y] = index.Count;
        }

        var parent = new int[index.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        foreach (var x in block.Accounts)
        {
            foreach (var y in _rows.Neighbors(x))
            {
                if (index.TryGetValue(y, out var j) && y != x)
                {
                    var ra = Find(parent, index[x]);
                    var rb = Find(parent, j);
                    if (ra != rb)
                    {
                        parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                    }
                }
            }
        }

        var parts = new Dictionary<int, (List<int> Accounts, List<int> Targets)>();
        foreach (var x in block.Accounts)
        {
            Part(Find(parent, index[x])).Accounts.Add(x);
        }

        foreach (var y in block.Targets)
        {
            Part(Find(parent, index[y])).Targets.Add(y);
        }

        return [.. parts.Values.Select(p => (p.Accounts.ToArray(), p.Targets.ToArray()))];

        (List<int> Accounts, List<int> Targets) Part(int root)
        {
            if (!parts.TryGetValue(root, out var part))
            {
                parts.Add(root, part = ([], []));
            }

            return part;
        }
    }

    /// <summary>Sub-blocks of a connected block, by <see cref="GroupSplit"/> on its own edges (one part when it does not split).</summary>
    public List<(int[] Accounts, int[] Targets)> Split(RefinedBlock block, GroupSplitParameters parameters, CancellationToken cancellationToken)
    {
        var index = new Dictionary<int, int>();
        foreach (var x in block.Accounts)
        {
            index[x] = index.Count;
        }

        foreach (var y in block.Targets)
        {
            index[y] = index.Count;
        }

        var edges = new EdgeBuffer(withTimes: false, withCounts: false, 64);
        foreach (var x in block.Accounts)
        {
            foreach (var y in _rows.Neighbors(x))
            {
                if (y != x && index.TryGetValue(y, out var j) && j >= block.Accounts.Length)
                {
                    edges.Add(index[x], j, 1f);
                }
            }
        }

        var parts = GroupSplit.Split(edges, index.Count, parameters, cancellationToken);
        if (parts is null)
        {
            return [(block.Accounts, block.Targets)];
        }

        var byPart = new Dictionary<int, (List<int> Accounts, List<int> Targets)>();
        foreach (var (node, local) in index)
        {
            if (!byPart.TryGetValue(parts[local], out var part))
            {
                byPart.Add(parts[local], part = ([], []));
            }

            (local < block.Accounts.Length ? part.Accounts : part.Targets).Add(node);
        }

        return [.. byPart.Values.Select(p => (p.Accounts.Order().ToArray(), p.Targets.Order().ToArray()))];
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>
    /// The members of one side given the other side's members: <paramref name="from"/> are the other side's members,
    /// <paramref name="current"/> this side's; edges are read from <paramref name="fromAdjacency"/> (other side →
    /// this side), degrees from <paramref name="ownAdjacency"/>. Under the degree model a cell (x, y) holds an edge with
    /// chance p = d(x)·d(y) / edges; a member's cells have the block's excess density q on top. A node's log-likelihood
    /// ratio is Σ over its edges into the block of ln(1 + q / p) minus q for every cell, so an edge to an unpopular block
    /// target weighs more than one to a popular target anybody might engage. A member needs two edges into the block at
    /// least: one shared target makes a star, not a block.
    /// </summary>
    private int[] Side(int[] from, int[] current, CsrGraph fromAdjacency, CsrGraph ownAdjacency)
    {
        if (from.Length == 0 || current.Length == 0)
        {
            return [];
        }

        foreach (var y in current)
        {
            _member[y] = true;
        }

        double fromDegrees = 0, ownDegrees = 0;
        long inside = 0;
        foreach (var x in from)
        {
            fromDegrees += fromAdjacency.Degree(x);
            foreach (var y in fromAdjacency.Neighbors(x))
            {
                inside += _member[y] ? 1 : 0;
            }
        }

        foreach (var y in current)
        {
            ownDegrees += ownAdjacency.Degree(y);
            _member[y] = false;
        }

        var cells = (double)from.Length * current.Length;
        var excess = (inside - (fromDegrees * ownDegrees / _edges)) / cells;
        if (excess <= 0)
        {
            return [];
        }

        var touched = new List<int>();
        foreach (var x in from)
        {
            var dx = fromAdjacency.Degree(x);
            foreach (var y in fromAdjacency.Neighbors(x))
            {
                if (_score[y] == 0)
                {
                    touched.Add(y);
                }

                var chance = Math.Min(1.0, (double)dx * ownAdjacency.Degree(y) / _edges);
                _score[y] += Math.Log(1 + (excess / chance));
                _hits[y]++;
            }
        }

        var cost = excess * from.Length;
        var result = new List<int>();
        foreach (var y in touched)
        {
            if (_score[y] > cost && _hits[y] >= 2)
            {
                result.Add(y);
            }

            _score[y] = 0;
            _hits[y] = 0;
        }

        result.Sort();
        return [.. result];
    }
}
