using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Hosting;
using BehaviorGraph.Neo4j.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands;

/// <summary>Mirrors the relational graph into Neo4j (idempotent) and writes the latest clusters onto Account nodes.</summary>
internal sealed class GraphSyncCommand : AsyncCommand<GraphSyncCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--graph <ADDRESS>")]
        [Description("Neo4j graph store: neo4j:http://host:7474[/database]. Default: $BEHAVIORGRAPH_GRAPH, then BehaviorGraph:Neo4j:Uri.")]
        public string? Graph { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Neo4jGraphStore graph;
        try
        {
            graph = GraphStoreOpener.Open(settings.Graph, BehaviorGraphSettings.LoadConfiguration());
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new UserFacingException(ex.Message, ex);
        }

        await using (graph)
        await using (var store = await StoreAccess.OpenAsync(settings, cancellationToken))
        {
            try
            {
                await graph.PingAsync(cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new UserFacingException($"Cannot reach Neo4j at {graph.Description}: {ex.Message}", ex);
            }

            await graph.EnsureSchemaAsync(cancellationToken);
            var progress = new SynchronousProgress<Neo4jSyncProgress>(p =>
            {
                if (!settings.Json)
                {
                    AnsiConsole.MarkupLine($"[dim]{p.Phase}: {p.Nodes:N0} nodes, {p.Relationships:N0} relationships[/]");
                }
            });
            var result = await graph.SyncAsync(store.Graph, progress, cancellationToken);
            var annotated = await WriteClustersAsync(graph, store.Clusters, cancellationToken);
            if (settings.Json)
            {
                JsonOutput.Write(new { graph = graph.Description, result.Nodes, result.Relationships, result.SkippedRelationships, result.RelationshipsByType, annotatedAccounts = annotated });
            }
            else
            {
                AnsiConsole.MarkupLine($"Synced {result.Nodes:N0} nodes and {result.Relationships:N0} relationships to {Markup.Escape(graph.Description)}; {annotated:N0} accounts annotated with clusters.");
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<long> WriteClustersAsync(Neo4jGraphStore graph, IClusterStore clusters, CancellationToken cancellationToken)
    {
        var byAccount = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var cluster in await clusters.ListAsync(null, 0, int.MaxValue, cancellationToken))
        {
            foreach (var member in cluster.Members)
            {
                if (!byAccount.TryGetValue(member, out var ids))
                {
                    byAccount[member] = ids = [];
                }

                ids.Add(cluster.Id);
            }
        }

        // Until a scoring run exists, accounts carry their clusters with a neutral score and no decision.
        var annotations = byAccount.Select(kv => new AccountAnnotation(kv.Key, 0, "unscored", "none", kv.Value)).ToList();
        return annotations.Count == 0 ? 0 : await graph.WriteBackAsync(annotations, cancellationToken);
    }
}
