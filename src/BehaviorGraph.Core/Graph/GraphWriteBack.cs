using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Core.Graph;

/// <summary>
/// Mirrors a relational store into a graph store: the graph (idempotent sync), then the latest scoring run (score,
/// decision, model version) and every account's cluster ids onto its account node. Used by <c>bgraph graph-sync</c>
/// and the <c>graph-sync</c> job that follows each scoring run.
/// </summary>
public static class GraphWriteBack
{
    public static async Task<GraphWriteBackResult> RunAsync(IGraphStore graph, IBehaviorStore store, IProgress<GraphSyncProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(store);
        await graph.PingAsync(cancellationToken);
        await graph.EnsureSchemaAsync(cancellationToken);
        var sync = await graph.SyncAsync(store.Graph, progress, cancellationToken);

        var clustersOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var cluster in await store.Clusters.ListAsync(null, 0, int.MaxValue, cancellationToken))
        {
            foreach (var member in cluster.Members)
            {
                if (!clustersOf.TryGetValue(member, out var ids))
                {
                    clustersOf[member] = ids = [];
                }

                ids.Add(cluster.Id);
            }
        }

        var annotations = new List<AccountAnnotation>();
        var scored = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var score in store.Scores.ExportAsync(cancellationToken))
        {
            scored.Add(score.Account);
            annotations.Add(new AccountAnnotation(
                score.Account, score.Score, score.Decision.ToString().ToLowerInvariant(), score.ModelVersion,
                clustersOf.GetValueOrDefault(score.Account) ?? []));
        }

        // Accounts in clusters but not in a scoring run still get their cluster ids.
        annotations.AddRange(clustersOf.Where(kv => !scored.Contains(kv.Key))
            .Select(kv => new AccountAnnotation(kv.Key, 0, "unscored", "none", kv.Value)));
        var annotated = annotations.Count == 0 ? 0 : await graph.WriteBackAsync(annotations, cancellationToken);
        return new GraphWriteBackResult(sync, annotated);
    }
}
