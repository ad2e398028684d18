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
            var entries = settings.Labels is { } path ? LabelFile.Read(path) : null;
            await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
            var snapshot = await ScoringStores.LatestSnapshotAsync(store, cancellationToken);
            var fileUnknown = 0;
            if (entries is not null)
            {
                await store.Labels.AddAsync(LabelImport.ToLabels(entries, settings.Labels!, DateTimeOffset.UtcNow), cancellationToken);
                var known = snapshot.Rows.Select(r => r.Account).ToHashSet(StringComparer.Ordinal);
                fileUnknown = entries.Select(e => e.Account).Distinct(StringComparer.Ordinal).Count(a => !known.Contains(a));
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
                    $"Trained [bold]{Markup.Escape(outcome.Model.Version)}[/] ({outcome.Model.Trainer}) on {outcome.Examples:N0} labelled accounts " +
                    $"({outcome.Model.Metrics.Positives:N0} abusive, {outcome.Model.Metrics.Negatives:N0} benign), {outcome.Model.FeatureNames.Count} features.");
                EvaluateCommand.RenderMetrics(outcome.CrossValidation, showFolds: false);
                AnsiConsole.MarkupLine(outcome.Promotion.Promoted
                    ? $"[green]Promoted[/]: {Markup.Escape(outcome.Promotion.Reason)}"
                    : $"[yellow]Not promoted[/]: {Markup.Escape(outcome.Promotion.Reason)}");
            }

            return ExitCodes.Ok;
        });
}
