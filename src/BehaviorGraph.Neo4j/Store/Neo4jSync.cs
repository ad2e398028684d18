using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Neo4j.Client;
using BehaviorGraph.Neo4j.Cypher;

namespace BehaviorGraph.Neo4j.Store;

/// <summary>
/// Copies the relational graph into Neo4j: all nodes first, then relationships grouped by type, in batches of
/// <see cref="Neo4jOptions.BatchSize"/>. Values are set, not added, so running it again is idempotent. Nodes and
/// relationships no longer in the source are not removed.
/// </summary>
internal sealed class Neo4jSync(Neo4jSession session)
{
    public async Task<GraphSyncResult> RunAsync(
        IGraphReader source,
        IProgress<GraphSyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var state = new SyncState(progress);

        var nodeBatches = new Dictionary<NodeKind, List<Dictionary<string, object?>>>();
        await foreach (var node in source.ReadNodesAsync(cancellationToken))
        {
            var statement = GraphModel.MergeNodesStatement(node.Kind);
            if (!nodeBatches.TryGetValue(node.Kind, out var batch))
            {
                nodeBatches[node.Kind] = batch = new List<Dictionary<string, object?>>(session.BatchSize);
            }

            batch.Add(new Dictionary<string, object?>(4, StringComparer.Ordinal)
            {
                ["id"] = node.Id,
                ["key"] = node.Key,
                ["first_seen"] = node.FirstSeenMs,
                ["last_seen"] = node.LastSeenMs,
            });
            if (batch.Count >= session.BatchSize)
            {
                nodeBatches[node.Kind] = new List<Dictionary<string, object?>>(session.BatchSize);
                await FlushNodesAsync(statement, batch, state, cancellationToken);
            }
        }

        foreach (var (kind, batch) in nodeBatches.OrderBy(b => b.Key))
        {
            await FlushNodesAsync(GraphModel.MergeNodesStatement(kind), batch, state, cancellationToken);
        }

        var edgeBatches = new Dictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal);
        await foreach (var edge in source.ReadEdgesAsync(null, cancellationToken))
        {
            if (!edgeBatches.TryGetValue(edge.Type, out var batch))
            {
                edgeBatches[edge.Type] = batch = new List<Dictionary<string, object?>>(session.BatchSize);
            }

            batch.Add(new Dictionary<string, object?>(7, StringComparer.Ordinal)
            {
                ["source"] = edge.Source,
                ["target"] = edge.Target,
                ["type"] = edge.Type,
                ["count"] = edge.Count,
                ["first_seen"] = edge.FirstMs,
                ["last_seen"] = edge.LastMs,
                ["value_sum"] = edge.ValueSum,
            });
            if (batch.Count >= session.BatchSize)
            {
                edgeBatches[edge.Type] = new List<Dictionary<string, object?>>(session.BatchSize);
                await FlushEdgesAsync(edge.Type, batch, state, cancellationToken);
            }
        }

        foreach (var (type, batch) in edgeBatches.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            await FlushEdgesAsync(type, batch, state, cancellationToken);
        }

        return new GraphSyncResult(state.Nodes, state.Relationships, state.Skipped, state.Statements, state.ByType);
    }

    private async Task FlushNodesAsync(
        CypherStatement statement,
        List<Dictionary<string, object?>> batch,
        SyncState state,
        CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await session.RunAsync(statement, new Dictionary<string, object?> { ["rows"] = batch }, CypherAccessMode.Write, cancellationToken);
        state.Nodes += batch.Count;
        state.Statements++;
        state.Report("nodes");
    }

    private async Task FlushEdgesAsync(
        string edgeType,
        List<Dictionary<string, object?>> batch,
        SyncState state,
        CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var result = await session.RunAsync(
            GraphModel.MergeRelationshipsStatement(edgeType),
            new Dictionary<string, object?> { ["rows"] = batch },
            CypherAccessMode.Write,
            cancellationToken);
        var merged = result.Rows.Count > 0 ? result.Rows[0].GetInt64("merged") : 0;
        state.Relationships += merged;
        state.Skipped += batch.Count - merged;
        state.ByType[edgeType] = state.ByType.GetValueOrDefault(edgeType) + merged;
        state.Statements++;
        state.Report("relationships");
    }

    private sealed class SyncState(IProgress<GraphSyncProgress>? progress)
    {
        public long Nodes { get; set; }

        public long Relationships { get; set; }

        public long Skipped { get; set; }

        public int Statements { get; set; }

        public Dictionary<string, long> ByType { get; } = new(StringComparer.Ordinal);

        public void Report(string phase) => progress?.Report(new GraphSyncProgress(phase, Nodes, Relationships));
    }
}
