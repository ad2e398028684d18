using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;
using BehaviorGraph.Neo4j.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands;

/// <summary>Mirrors the relational graph into Neo4j (idempotent) and writes the latest scores, decisions and cluster ids onto Account nodes.</summary>
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
            var annotated = await WriteAnnotationsAsync(graph, store, cancellationToken);
            if (settings.Json)
            {
                JsonOutput.Write(new { graph = graph.Description, result.Nodes, result.Relationships, result.SkippedRelationships, result.RelationshipsByType, annotatedAccounts = annotated });
            }
            else
            {
                AnsiConsole.MarkupLine($"Synced {result.Nodes:N0} nodes and {result.Relationships:N0} relationships to {Markup.Escape(graph.Description)}; {annotated:N0} accounts annotated with scores and clusters.");
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Writes the latest scoring run (score, decision, model) and cluster ids onto the Account nodes.</summary>
    private static async Task<long> WriteAnnotationsAsync(Neo4jGraphStore graph, IBehaviorStore store, CancellationToken cancellationToken)
    {
        var byAccount = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var cluster in await store.Clusters.ListAsync(null, 0, int.MaxValue, cancellationToken))
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

        var annotations = new List<AccountAnnotation>();
        var scored = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var score in store.Scores.ExportAsync(cancellationToken))
        {
            scored.Add(score.Account);
            annotations.Add(new AccountAnnotation(
                score.Account, score.Score, score.Decision.ToString().ToLowerInvariant(), score.ModelVersion,
                byAccount.GetValueOrDefault(score.Account) ?? []));
        }

        // Accounts in clusters but not in a scoring run still get their cluster ids.
        annotations.AddRange(byAccount.Where(kv => !scored.Contains(kv.Key))
            .Select(kv => new AccountAnnotation(kv.Key, 0, "unscored", "none", kv.Value)));
        return annotations.Count == 0 ? 0 : await graph.WriteBackAsync(annotations, cancellationToken);
    }
}
