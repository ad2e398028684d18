using System.ComponentModel;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Analysis;

/// <summary>Scores the latest run's clusters against planted ones: best-match F1 per planted cluster and the mean.</summary>
internal sealed class EvaluateClustersCommand : AsyncCommand<EvaluateClustersCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--truth <FILE>")]
        [Description("truth.json written by `bgraph generate` (its clusters array: id, kind, members).")]
        public string Truth { get; init; } = string.Empty;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Truth) ? ValidationResult.Error("--truth FILE is required.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<PlantedCluster> planted;
        try
        {
            planted = ClusterTruthFile.Read(settings.Truth);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
        {
            throw new UserFacingException(ex.Message, ex);
        }

        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        var detected = await store.Clusters.ListAsync(null, 0, int.MaxValue, cancellationToken);
        if (detected.Count == 0 && await store.Features.GetLatestSnapshotAsync(cancellationToken) is null)
        {
            throw new UserFacingException($"Store {store.Description} has no complete analysis run; run `bgraph analyze` first.");
        }

        var report = ClusterRecovery.Evaluate(planted, detected);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                clusters = report.Clusters.Select(m => new
                {
                    id = m.Id,
                    kind = m.Kind,
                    size = m.Size,
                    matched = m.MatchedId,
                    matchedSize = m.MatchedSize,
                    precision = Math.Round(m.Precision, 4),
                    recall = Math.Round(m.Recall, 4),
                    f1 = Math.Round(m.F1, 4),
                }),
                meanF1 = Math.Round(report.MeanF1, 4),
            });
            return ExitCodes.Ok;
        }

        var table = new Table().Title("Planted clusters and their best detected match").AddColumns("planted", "kind", "size", "matched", "size", "precision", "recall", "F1");
        foreach (var m in report.Clusters)
        {
            table.AddRow(TerminalText.Markup(m.Id), TerminalText.Markup(m.Kind), $"{m.Size:N0}", TerminalText.Markup(m.MatchedId ?? "-"), $"{m.MatchedSize:N0}", $"{m.Precision:F2}", $"{m.Recall:F2}", $"{m.F1:F3}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Mean F1 over {report.Clusters.Count} planted cluster(s): [bold]{report.MeanF1:F3}[/]");
        return ExitCodes.Ok;
    }
}
