using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Jobs.Arguments;
using Hangfire;
using Microsoft.Extensions.Configuration;

namespace BehaviorGraph.Jobs.Jobs;

/// <summary>
/// Mirrors the graph into Neo4j and writes the latest scores, decisions and cluster ids onto Account nodes — the same
/// <see cref="GraphWriteBack"/> that <c>bgraph graph-sync</c> runs. Follows every scoring run of the analyze → score
/// chain; skips (successfully) when no graph store is configured.
/// </summary>
internal sealed class GraphSyncJob(IBehaviorStore store, IConfiguration configuration)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<string> RunAsync(Dictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        GraphSyncJobArguments.From(arguments);
        IGraphStore graph;
        try
        {
            graph = GraphStoreOpener.Open(null, configuration);
        }
        catch (FormatException ex)
        {
            return $"skipped: {ex.Message}";
        }

        await using (graph)
        {
            var result = await GraphWriteBack.RunAsync(graph, store, null, cancellationToken);
            return $"synced {result.Sync.Nodes} nodes and {result.Sync.Relationships} relationships to {graph.Description}; " +
                $"{result.AnnotatedAccounts} accounts annotated";
        }
    }
}
