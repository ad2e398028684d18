using BehaviorGraph.Analytics.Algorithms.Common;

namespace BehaviorGraph.Analytics.Projection;

/// <summary>
/// Who engaged what, as one bipartite graph: rows are accounts (nodes 0..n-1), columns are the targets they engaged —
/// content items (nodes n..n+C-1) and accounts as targets (nodes n+C..n+C+n-1) — through likes, comments, shares,
/// views, follows and ratings, one edge per (account, target) pair with its first and last time. An account's own
/// content and the account itself are not targets of its engagement.
/// </summary>
internal sealed class EngagementGraph
{
    private readonly int[] _contentOwner;

    private EngagementGraph(CsrGraph graph, int accounts, int content, int[] contentOwner, int[] columnDegree)
    {
        Graph = graph;
        AccountCount = accounts;
        ContentCount = content;
        _contentOwner = contentOwner;
        ColumnDegree = columnDegree;
    }

    public CsrGraph Graph { get; }

    public int AccountCount { get; }

    public int ContentCount { get; }

    /// <summary>Engagers of each node as a column (0 for rows).</summary>
    public int[] ColumnDegree { get; }

    public long EdgeCount => Graph.EntryCount;

    public bool IsContentColumn(int node) => node >= AccountCount && node < AccountCount + ContentCount;

    /// <summary>The account a column stands for or belongs to (the account target, the content's owner), or -1.</summary>
    public int AccountBehind(int column) => column < AccountCount + ContentCount ? _contentOwner[column - AccountCount] : column - AccountCount - ContentCount;

    public static bool IsEngagement(byte type) =>
        type is EventTypeCodes.Like or EventTypeCodes.Comment or EventTypeCodes.Share or EventTypeCodes.View or EventTypeCodes.Follow or EventTypeCodes.Rate;

    public static EngagementGraph Build(PlatformData data, PlatformGraphs graphs)
    {
        var n = data.AccountCount;
        var c = data.ContentCount;
        var owner = graphs.ContentOwner;
        var buffer = new EdgeBuffer(withTimes: true, withCounts: false, Math.Max(16, data.ContentEdges.Length + data.AccountEdges.Length));
        var content = data.ContentEdges;
        for (var i = 0; i < content.Length; i++)
        {
            if (IsEngagement(content.Type[i]) && owner[content.Target[i]] != content.Source[i])
            {
                buffer.Add(content.Source[i], n + content.Target[i], 1f, content.FirstMs[i], content.LastMs[i]);
            }
        }

        var accounts = data.AccountEdges;
        for (var i = 0; i < accounts.Length; i++)
        {
            if (IsEngagement(accounts.Type[i]) && accounts.Source[i] != accounts.Target[i])
            {
                buffer.Add(accounts.Source[i], n + c + accounts.Target[i], 1f, accounts.FirstMs[i], accounts.LastMs[i]);
            }
        }

        var graph = CsrBuilder.Build(IdMap.Sequential(n + c + n), buffer, Orientation.Natural, merge: true);
        var columnDegree = new int[graph.NodeCount];
        foreach (var v in graph.Targets)
        {
            columnDegree[v]++;
        }

        return new EngagementGraph(graph, n, c, owner, columnDegree);
    }

    /// <summary>
    /// The same rows and columns with every edge's column drawn at random among the edge ends (each row keeps its
    /// degree, each column its engager count, up to duplicates merged): what dense blocks look like by chance alone.
    /// </summary>
    public CsrGraph Shuffled(ulong seed)
    {
        var buffer = new EdgeBuffer(withTimes: false, withCounts: false, Math.Max(16, Graph.EntryCount));
        var columns = Graph.Targets.ToArray();
        new SplitMix64(seed).Shuffle(columns);

        var at = 0;
        for (var u = 0; u < AccountCount; u++)
        {
            for (var k = Graph.OffsetArray[u]; k < Graph.OffsetArray[u + 1]; k++)
            {
                buffer.Add(u, columns[at++], 1f);
            }
        }

        return CsrBuilder.Build(Graph.IdMap, buffer, Orientation.Natural, merge: true);
    }
}
