using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Hosting;
using BehaviorGraph.Core.Graph;
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
        IGraphStore graph;
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
            var progress = new SynchronousProgress<GraphSyncProgress>(p =>
            {
                if (!settings.Json)
                {
                    AnsiConsole.MarkupLine($"[dim]{p.Phase}: {p.Nodes:N0} nodes, {p.Relationships:N0} relationships[/]");
                }
            });
            GraphWriteBackResult outcome;
            try
            {
                outcome = await GraphWriteBack.RunAsync(graph, store, progress, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new UserFacingException($"Cannot reach Neo4j at {graph.Description}: {ex.Message}", ex);
            }

            var result = outcome.Sync;
            var annotated = outcome.AnnotatedAccounts;
            if (settings.Json)
            {
                JsonOutput.Write(new { graph = graph.Description, result.Nodes, result.Relationships, result.SkippedRelationships, result.RelationshipsByType, annotatedAccounts = annotated });
            }
            else
            {
                AnsiConsole.MarkupLine($"Synced {result.Nodes:N0} nodes and {result.Relationships:N0} relationships to {TerminalText.Markup(graph.Description)}; {annotated:N0} accounts annotated with scores and clusters.");
            }
        }

        return ExitCodes.Ok;
    }
}
