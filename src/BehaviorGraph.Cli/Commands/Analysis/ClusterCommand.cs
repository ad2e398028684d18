using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Analysis;

/// <summary>One cluster of the latest analysis run: evidence, figures and members.</summary>
internal sealed class ClusterCommand : AsyncCommand<ClusterCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("Cluster id, e.g. ring-1.")]
        public string Id { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var cluster = await store.Clusters.GetAsync(settings.Id, cancellationToken)
            ?? throw new UserFacingException($"No cluster '{settings.Id}' in the latest analysis run of {store.Description}; list them with `bgraph clusters`.");
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                id = cluster.Id,
                kind = ClusterKindParser.Name(cluster.Kind),
                score = cluster.Score,
                members = cluster.Members,
                evidence = cluster.Evidence,
                figures = cluster.Figures,
            });
            return ExitCodes.Ok;
        }

        AnsiConsole.MarkupLine($"[bold]{TerminalText.Markup(cluster.Id)}[/] ({ClusterKindParser.Name(cluster.Kind)}, score {cluster.Score:F3}, {cluster.Members.Count:N0} members)");
        AnsiConsole.MarkupLine(TerminalText.Markup(cluster.Evidence));
        var figures = new Table().AddColumns("figure", "value");
        foreach (var (name, value) in cluster.Figures.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            figures.AddRow(TerminalText.Markup(name), value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(figures);
        AnsiConsole.MarkupLine("Members: " + TerminalText.Markup(string.Join(", ", cluster.Members)));
        return ExitCodes.Ok;
    }
}
