using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Analysis;

/// <summary>Lists the clusters of the latest analysis run, best first.</summary>
internal sealed class ClustersCommand : AsyncCommand<ClustersCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--kind <KIND>")]
        [Description("Only clusters of this kind: ring, bot, block or identity.")]
        public string? Kind { get; init; }

        [CommandOption("--top <N>")]
        [Description("How many clusters to list (highest score first).")]
        [DefaultValue(20)]
        public int Top { get; init; } = 20;

        public override ValidationResult Validate() =>
            Top < 1 ? ValidationResult.Error("--top must be at least 1.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var kind = ClusterKindParser.Parse(settings.Kind);
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var clusters = await store.Clusters.ListAsync(kind, 0, settings.Top, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(clusters.Select(ClusterKindParser.ToJson));
            return ExitCodes.Ok;
        }

        if (clusters.Count == 0)
        {
            AnsiConsole.MarkupLine("No clusters: run [bold]bgraph analyze[/] first, or none of this kind was found.");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("id", "kind", "score", "size", "evidence");
        foreach (var c in clusters)
        {
            table.AddRow(TerminalText.Markup(c.Id), ClusterKindParser.Name(c.Kind), $"{c.Score:F3}", $"{c.Members.Count:N0}", TerminalText.Markup(c.Evidence));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
