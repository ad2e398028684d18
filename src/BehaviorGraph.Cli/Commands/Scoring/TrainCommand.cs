using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Evaluation;
using BehaviorGraph.Scoring.Labels;
using BehaviorGraph.Scoring.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

internal sealed class TrainCommand : AsyncCommand<TrainCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("--auprc-tolerance <D>")]
        [Description("Promotion gate: promote if AUPRC ≥ the promoted model's AUPRC minus this.")]
        [DefaultValue(0.01)]
        public double AuprcTolerance { get; init; } = 0.01;

        [CommandOption("--min-auc <AUC>")]
        [Description("Promotion gate for the first model: its AUC must reach this.")]
        [DefaultValue(0.7)]
        public double MinAuc { get; init; } = 0.7;

        public override ValidationResult Validate() =>
            MinLabels < 2 ? ValidationResult.Error("--min-labels must be at least 2.") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ScoringFailures.Guard(async () =>
        {
            var file = settings.Labels is { } path ? LabelFile.Load(path) : null;
            await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
            var snapshot = await ScoringStores.LatestSnapshotAsync(store, cancellationToken);
            var fileUnknown = 0;
            (Core.Labels.LabelFileImport Import, int Unchanged)? imported = null;
            if (file is not null)
            {
                imported = await LabelImport.ImportAsync(store.Labels, file, settings.Labels!, cancellationToken);
                LabelImport.ReportImport(imported.Value.Import, imported.Value.Unchanged, settings.Labels!, settings.Json);
                var known = snapshot.Rows.Select(r => r.Account).ToHashSet(StringComparer.Ordinal);
                fileUnknown = file.Entries.Select(e => e.Account).Distinct(StringComparer.Ordinal).Count(a => !known.Contains(a));
            }

            var labels = await store.Labels.GetLatestAsync(cancellationToken);
            if (labels.Count == 0)
            {
                throw new UserFacingException("The label store is empty; pass --labels FILE.");
            }

            var groups = await ScoringStores.IdentityGroupsAsync(store, cancellationToken);
            var lifecycle = new ModelLifecycle(
                store.Models,
                settings.Training,
                new EvaluationOptions(settings.Folds, Thresholds: settings.Thresholds),
                new PromotionGateOptions(settings.AuprcTolerance, settings.MinAuc));
            var outcome = await lifecycle.TrainAsync(snapshot, labels, a => groups.GetValueOrDefault(a), cancellationToken);

            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    store = store.Description,
                    version = outcome.Model.Version,
                    trainer = outcome.Model.Trainer,
                    features = outcome.Model.FeatureNames,
                    trainingDataHash = outcome.Model.TrainingDataHash,
                    examples = outcome.Examples,
                    positives = outcome.Model.Metrics.Positives,
                    negatives = outcome.Model.Metrics.Negatives,
                    unknownAccounts = outcome.UnknownAccounts.Count,
                    unknownAccountsInFile = fileUnknown,
                    labelsFile = imported is { } i
                        ? new { contentHash = i.Import.ContentHash, imported = i.Import.Imported, labelsAdded = i.Import.Imported ? i.Import.Labels : 0, unchangedLines = i.Unchanged }
                        : null,
                    folds = outcome.CrossValidation.Folds,
                    metrics = outcome.Model.Metrics,
                    promoted = outcome.Promotion.Promoted,
                    promotion = outcome.Promotion.Reason,
                });
            }
            else
            {
                LabelImport.ReportUnknown(outcome.UnknownAccounts, settings.Json);
                AnsiConsole.MarkupLine(
                    $"Trained [bold]{TerminalText.Markup(outcome.Model.Version)}[/] ({outcome.Model.Trainer}) on {outcome.Examples:N0} labelled accounts " +
                    $"({outcome.Model.Metrics.Positives:N0} abusive, {outcome.Model.Metrics.Negatives:N0} benign), {outcome.Model.FeatureNames.Count} features.");
                EvaluateCommand.RenderMetrics(outcome.CrossValidation, showFolds: false);
                AnsiConsole.MarkupLine(outcome.Promotion.Promoted
                    ? $"[green]Promoted[/]: {TerminalText.Markup(outcome.Promotion.Reason)}"
                    : $"[yellow]Not promoted[/]: {TerminalText.Markup(outcome.Promotion.Reason)}");
            }

            return ExitCodes.Ok;
        });
}
