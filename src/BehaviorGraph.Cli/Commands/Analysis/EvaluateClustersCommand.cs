using System.ComponentModel;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Clusters;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Analysis;

/// <summary>
/// Scores the latest run's clusters against truth.json: recall as the best same-kind F1 of every planted cluster, the
/// mean per kind and overall; precision as the share of reported ring, bot and block clusters whose members are more
/// than half planted abusers; and the false clusters (all of them on a platform with no planted abuse), each with the
/// planted hard negative it overlaps most.
/// </summary>
internal sealed class EvaluateClustersCommand : AsyncCommand<EvaluateClustersCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--truth <FILE>")]
        [Description("truth.json written by `bgraph generate` (clusters: id, kind, members; hardNegatives are used to explain false clusters).")]
        public string Truth { get; init; } = string.Empty;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Truth) ? ValidationResult.Error("--truth FILE is required.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ClusterTruth truth;
        try
        {
            truth = ClusterTruthFile.ReadTruth(settings.Truth);
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

        var report = ClusterRecovery.Evaluate(truth.Clusters, detected, truth.HardNegatives);
        if (settings.Json)
        {
            JsonOutput.Write(ClusterRecoveryJson.From(report));
            return ExitCodes.Ok;
        }

        Render(report);
        return ExitCodes.Ok;
    }

    internal static void Render(ClusterRecoveryReport report)
    {
        if (report.Clusters.Count > 0)
        {
            var table = new Table().Title("Planted clusters and their best detected match (same kind)")
                .AddColumns("planted", "kind", "size", "matched", "size", "precision", "recall", "F1");
            foreach (var m in report.Clusters)
            {
                table.AddRow(TerminalText.Markup(m.Id), TerminalText.Markup(m.Kind), $"{m.Size:N0}", TerminalText.Markup(m.MatchedId ?? "-"), $"{m.MatchedSize:N0}", $"{m.Precision:F2}", $"{m.Recall:F2}", $"{m.F1:F3}");
            }

            AnsiConsole.Write(table);
        }

        var kinds = new Table().Title("Per kind").AddColumns("kind", "planted", "mean F1", "reported", "mostly planted abusers", "precision", "false");
        foreach (var (kind, planted, meanF1) in report.MeanF1ByKind)
        {
            var judged = JudgedKind(kind);
            var p = judged is { } k ? report.PrecisionOf(k) : null;
            kinds.AddRow(TerminalText.Markup(kind), $"{planted:N0}", $"{meanF1:F3}", Cell(p?.Reported), Cell(p?.MostlyPlanted), Precision(p), Cell(p?.False));
        }

        foreach (var p in report.Precision.Where(p => !report.MeanF1ByKind.Any(k => JudgedKind(k.Kind) == p.Kind)))
        {
            kinds.AddRow(ClusterKindParser.Name(p.Kind), "0", "-", $"{p.Reported:N0}", $"{p.MostlyPlanted:N0}", Precision(p), $"{p.False:N0}");
        }

        AnsiConsole.Write(kinds);
        AnsiConsole.MarkupLine(report.Clusters.Count == 0
            ? "[bold]No abuse was planted[/]: every reported ring, bot or block cluster is false."
            : $"Mean F1 over {report.Clusters.Count} planted cluster(s): [bold]{report.MeanF1:F3}[/]");
        AnsiConsole.MarkupLine(
            $"Precision: a reported cluster counts as true when more than {report.AbuserShareThreshold:P0} of its members are planted abusers ({report.PlantedAbusers:N0} accounts). " +
            $"False clusters: [bold]{report.PrecisionOf(ClusterKind.Ring).False}[/] ring, [bold]{report.PrecisionOf(ClusterKind.Bot).False}[/] bot, [bold]{report.PrecisionOf(ClusterKind.Block).False}[/] block.");
        var falseOnes = report.Reported.Where(r => !r.MostlyPlanted).Take(10).ToList();
        if (falseOnes.Count > 0)
        {
            var list = new Table().Title($"False clusters (first {falseOnes.Count})").AddColumns("cluster", "kind", "size", "planted abusers", "largest hard negative overlap");
            foreach (var r in falseOnes)
            {
                var negative = r.HardNegativeId is null ? "-" : $"{TerminalText.Markup(r.HardNegativeId)} ({r.HardNegativeShare:P0} of members)";
                list.AddRow(TerminalText.Markup(r.Id), ClusterKindParser.Name(r.Kind), $"{r.Size:N0}", $"{r.AbuserShare:P0}", negative);
            }

            AnsiConsole.Write(list);
        }
    }

    private static ClusterKind? JudgedKind(string plantedKind) => plantedKind switch
    {
        "ring" => ClusterKind.Ring,
        "bot" => ClusterKind.Bot,
        "block" => ClusterKind.Block,
        _ => null,
    };

    private static string Cell(int? value) => value is { } v ? $"{v:N0}" : "-";

    private static string Precision(KindPrecision? p) => p?.Precision is { } v ? $"{v:F3}" : "-";
}
