using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands;

internal sealed class StatsCommand : AsyncCommand<StatsCommand.Settings>
{
    private const int RawExcerpt = 60;

    public sealed class Settings : StoreSettings
    {
        [CommandOption("--quarantine <ROWS>")]
        [Description("Also list the most recent quarantined rows.")]
        [DefaultValue(0)]
        public int QuarantineRows { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var stats = await store.Stats.GetStatsAsync(cancellationToken);
        var recent = settings.QuarantineRows > 0
            ? await store.Stats.GetQuarantineAsync(settings.QuarantineRows, cancellationToken)
            : [];

        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                store = store.Description,
                events = stats.Events,
                quarantined = stats.Quarantined,
                sources = stats.Sources,
                accounts = stats.NodesByKind.GetValueOrDefault("account"),
                eventsByType = stats.EventsByType,
                nodesByKind = stats.NodesByKind,
                edgesByType = stats.EdgesByType,
                recentQuarantine = recent,
            });
            return ExitCodes.Ok;
        }

        AnsiConsole.MarkupLine($"[bold]{TerminalText.Markup(store.Description)}[/]: {stats.Events:N0} events from {stats.Sources:N0} complete source(s), {stats.Quarantined:N0} quarantined rows");
        var grid = new Grid().AddColumns(3);
        grid.AddRow(Counts("events by type", stats.EventsByType), Counts("nodes by kind", stats.NodesByKind), Counts("edges by type", stats.EdgesByType));
        AnsiConsole.Write(grid);
        if (recent.Count > 0)
        {
            // One entry per row rather than a table: the raw text is shown whole up to its excerpt, never wrapped into cells.
            AnsiConsole.MarkupLine("[bold]Recent quarantined rows[/]");
            foreach (var q in recent)
            {
                AnsiConsole.MarkupLine($"  {TerminalText.Markup(Path.GetFileName(q.Source))}:{q.Line:N0}  [yellow]{TerminalText.Markup(q.Reason)}[/]");
                AnsiConsole.MarkupLine($"    [dim]{Markup.Escape(TerminalText.Excerpt(q.Raw, RawExcerpt))}[/]");
            }
        }

        return ExitCodes.Ok;
    }

    private static Table Counts(string title, IReadOnlyDictionary<string, long> counts)
    {
        var table = new Table().Title(title).AddColumns("", "count");
        foreach (var (key, value) in counts.OrderByDescending(kv => kv.Value))
        {
            table.AddRow(TerminalText.Markup(key), $"{value:N0}");
        }

        return table;
    }

}
