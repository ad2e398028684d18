using BehaviorGraph.Core.Graph;
using BehaviorGraph.Neo4j.Client;
using BehaviorGraph.Neo4j.Cypher;

namespace BehaviorGraph.Neo4j.Store;

/// <summary>Scoring results onto Account nodes, in batches.</summary>
internal sealed class Neo4jWriteBack(Neo4jSession session)
{
    /// <summary>Returns how many accounts were found and updated; accounts not yet synced to Neo4j are skipped.</summary>
    public async Task<long> WriteAsync(IReadOnlyList<AccountAnnotation> annotations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var statement = CypherLibrary.Get("writeback/annotate_accounts");
        long updated = 0;
        foreach (var chunk in annotations.Chunk(session.BatchSize))
        {
            var rows = chunk.Select(a => (object?)new Dictionary<string, object?>(5, StringComparer.Ordinal)
            {
                ["key"] = a.AccountKey,
                ["score"] = a.Score,
                ["decision"] = a.Decision,
                ["model_version"] = a.ModelVersion,
                ["cluster_ids"] = a.ClusterIds ?? [],
            }).ToList();
            var result = await session.RunAsync(statement, new Dictionary<string, object?> { ["rows"] = rows }, CypherAccessMode.Write, cancellationToken);
            updated += result.Rows.Count > 0 ? result.Rows[0].GetInt64("updated") : 0;
        }

        return updated;
    }
}
