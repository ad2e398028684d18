using BehaviorGraph.Analytics.Pipeline;
using System.ComponentModel;
using BehaviorGraph.Cli.Commands.Scoring;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Scoring.Labels;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Analysis;

/// <summary>Runs the analysis pipeline on a store and prints each stage and a summary of the clusters found.</summary>
internal sealed class AnalyzeCommand : AsyncCommand<AnalyzeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--labels <FILE>")]
        [Description("Labels CSV (account,label) to import first, once per file content, as train does. Analysis surfaces groups rich in labelled abusers (and in accounts the latest scoring run flagged) as rings, with that as evidence; labels never become features.")]
        public string? Labels { get; init; }

        [CommandOption("--full")]
        [Description("Reanalyse everything. By default a run continues the previous one when its state is kept (STORE.analysis-state beside a SQLite store): it reads only the events since and re-examines what they touch.")]
        public bool Full { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var file = settings.Labels is { } path ? await ScoringFailures.Guard(() => Task.FromResult(LabelFile.Load(path))) : null;
        await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
        if (file is not null)
        {
            var (import, unchanged) = await LabelImport.ImportAsync(store.Labels, file, settings.Labels!, cancellationToken);
            LabelImport.ReportImport(import, unchanged, settings.Labels!, settings.Json);
        }

        var progress = new SynchronousProgress<AnalysisProgress>(p =>
        {
            if (settings.Json)
            {
                return;
            }

            if (p.Completed)
            {
                AnsiConsole.MarkupLine($"[green]✓[/] {p.Stage.ToString().ToLowerInvariant(),-10} {p.Elapsed.TotalSeconds,6:F1} s  {TerminalText.Markup(p.Message)}");
            }
        });
        AnalysisResult result;
        try
        {
            var request = new AnalysisRequest(AnalysisStateLocation.For(StoreAccess.Resolve(settings).Location), settings.Full);
            result = await AnalysisPipeline.RunAsync(store, SettingsAccess.Analysis(), request, progress, cancellationToken);
        }
        catch (EmptyStoreException)
        {
            throw new UserFacingException($"Store {store.Description} holds no accounts; run `bgraph ingest FILE` first.");
        }

        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                store = store.Description,
                runId = result.RunId,
                accounts = result.Accounts,
                events = result.Events,
                edges = result.Edges,
                seconds = Math.Round(result.Elapsed.TotalSeconds, 2),
                mode = result.Scope.Mode,
                previousRunId = result.Scope.PreviousRunId,
                newEvents = result.Scope.Incremental ? result.Scope.NewEvents : (long?)null,
                touchedAccounts = result.Scope.Incremental ? result.Scope.TouchedAccounts : (int?)null,
                recomputed = result.Scope.Recomputed,
                clusters = new
                {
                    ring = result.CountOf(ClusterKind.Ring),
                    bot = result.CountOf(ClusterKind.Bot),
                    block = result.CountOf(ClusterKind.Block),
                    identity = result.CountOf(ClusterKind.Identity),
                },
                stages = result.Stages.Select(s => new { stage = s.Stage.ToString().ToLowerInvariant(), seconds = Math.Round(s.Elapsed.TotalSeconds, 2), summary = s.Summary }),
                features = result.FeatureNames,
            });
            return ExitCodes.Ok;
        }

        AnsiConsole.MarkupLine($"Run [bold]{result.RunId}[/]: {result.Accounts:N0} accounts, {result.Events:N0} events in {result.Elapsed.TotalSeconds:F1} s.");
        AnsiConsole.MarkupLine(result.Scope.Incremental
            ? $"Incremental: continues run {result.Scope.PreviousRunId}, {result.Scope.NewEvents:N0} new events touching {result.Scope.TouchedAccounts:N0} accounts ([dim]--full reanalyses everything[/])."
            : $"Full run: {TerminalText.Markup(result.Scope.Recomputed)}.");
        var table = new Table().Title("Clusters found").AddColumns("kind", "count", "largest", "top clusters (id: size, score)");
        foreach (var kind in new[] { ClusterKind.Ring, ClusterKind.Bot, ClusterKind.Block, ClusterKind.Identity })
        {
            var ofKind = result.Clusters.Where(c => c.Kind == kind).ToList();
            var top = string.Join(", ", ofKind.Take(3).Select(c => $"{c.Id}: {c.Members.Count}, {c.Score:F2}"));
            table.AddRow(kind.ToString().ToLowerInvariant(), $"{ofKind.Count:N0}", ofKind.Count == 0 ? "-" : $"{ofKind.Max(c => c.Members.Count):N0}", TerminalText.Markup(top));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[dim]Details: bgraph clusters --kind ring --top 10, bgraph cluster ID[/]");
        return ExitCodes.Ok;
    }
}
