using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Evaluation;
using BehaviorGraph.Scoring.Labels;
using BehaviorGraph.Scoring.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

internal sealed class EvaluateCommand : AsyncCommand<EvaluateCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("--top-k <K>")]
        [Description("k of precision@k; default: the number of abusive labels.")]
        public int? K { get; init; }

        public override ValidationResult Validate() =>
            K is < 1 ? ValidationResult.Error("--top-k must be at least 1.") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ScoringFailures.Guard(async () =>
        {
            var entries = settings.Labels is { } path ? LabelFile.Read(path) : null;
            await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
            var snapshot = await ScoringStores.LatestSnapshotAsync(store, cancellationToken);
            IReadOnlyList<AccountLabel> labels = entries is not null
                ? LabelImport.ToLabels(entries, settings.Labels!, DateTimeOffset.UtcNow)
                : await store.Labels.GetLatestAsync(cancellationToken);
            var set = TrainingSet.Build(snapshot, labels);
            var groups = await ScoringStores.IdentityGroupsAsync(store, cancellationToken);
            var training = settings.Training;
            var result = new CrossValidator(training, new EvaluationOptions(settings.Folds, PrecisionAtK: settings.K, Thresholds: settings.Thresholds))
                .Run(set, a => groups.GetValueOrDefault(a));

            if (settings.Json)
            {
                var o = result.Overall;
                JsonOutput.Write(new
                {
                    auc = o.Auc,
                    auprc = o.Auprc,
                    precisionAtK = o.PrecisionAtK,
                    k = o.K,
                    recallAtReview = o.RecallAtReview,
                    reviewThreshold = settings.Review,
                    positives = o.Positives,
                    negatives = o.Negatives,
                    unknownAccounts = set.UnknownAccounts.Count,
                    trainer = training.TrainerName,
                    requestedFolds = result.RequestedFolds,
                    groupedAccounts = set.Accounts.Count(groups.ContainsKey),
                    folds = result.FoldResults.Select(f => new
                    {
                        fold = f.Fold,
                        accounts = f.Accounts,
                        groups = f.Groups,
                        auc = f.Metrics.Auc,
                        auprc = f.Metrics.Auprc,
                        precisionAtK = f.Metrics.PrecisionAtK,
                        k = f.Metrics.K,
                        recallAtReview = f.Metrics.RecallAtReview,
                        positives = f.Metrics.Positives,
                        negatives = f.Metrics.Negatives,
                    }),
                });
            }
            else
            {
                LabelImport.ReportUnknown(set.UnknownAccounts, settings.Json);
                AnsiConsole.MarkupLine(
                    $"{result.Folds}-fold cross-validation ({training.TrainerName}) on {set.Count:N0} labelled accounts " +
                    $"({set.Positives:N0} abusive, {set.Negatives:N0} benign; {set.Accounts.Count(groups.ContainsKey):N0} in identity groups kept within one fold).");
                RenderMetrics(result, showFolds: true);
            }

            return ExitCodes.Ok;
        });

    internal static void RenderMetrics(CrossValidationResult result, bool showFolds)
    {
        var table = new Table().AddColumns("", "accounts", "abusive", "AUC", "AUPRC", "precision@k", "k", "recall@review");
        table.AddRow(Row("overall", result.Predictions.Count, result.Overall));
        if (showFolds)
        {
            foreach (var fold in result.FoldResults)
            {
                table.AddRow(Row($"fold {fold.Fold}", fold.Accounts, fold.Metrics));
            }
        }

        AnsiConsole.Write(table);

        static string[] Row(string name, int accounts, Core.Scoring.ModelMetrics m) =>
            [name, $"{accounts:N0}", $"{m.Positives:N0}", Show(m.Auc), Show(m.Auprc), Show(m.PrecisionAtK), $"{m.K:N0}", Show(m.RecallAtReview)];
    }

    internal static string Show(double? value) => value is { } v ? v.ToString("F4") : "n/a";
}
