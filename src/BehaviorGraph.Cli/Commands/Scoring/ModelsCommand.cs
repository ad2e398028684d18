using BehaviorGraph.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

internal sealed class ModelsCommand : AsyncCommand<StoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var models = await store.Models.ListAsync(cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(models);
            return ExitCodes.Ok;
        }

        if (models.Count == 0)
        {
            AnsiConsole.MarkupLine("No models yet; train one with [bold]bgraph train --labels FILE[/].");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumn(new TableColumn("version").NoWrap()).AddColumns("trainer", "labels +/-", "AUC", "AUPRC", "P@k");
        foreach (var m in models)
        {
            table.AddRow(
                (m.Promoted ? "[green]* [/]" : "  ") + TerminalText.Markup(m.Version), m.Trainer, $"{m.Metrics.Positives:N0}/{m.Metrics.Negatives:N0}",
                EvaluateCommand.Show(m.Metrics.Auc), EvaluateCommand.Show(m.Metrics.Auprc), EvaluateCommand.Show(m.Metrics.PrecisionAtK));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[green]*[/] promoted; metrics are cross-validated on the training labels. `bgraph models --json` shows features, settings and data hashes.");
        return ExitCodes.Ok;
    }
}
