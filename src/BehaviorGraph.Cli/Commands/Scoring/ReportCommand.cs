using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Evaluation;
using BehaviorGraph.Scoring.Reporting;
using BehaviorGraph.Scoring.Scoring;
using BehaviorGraph.Scoring.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

internal sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : ThresholdSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Directory for index.html and the PNG plots.")]
        public string Out { get; init; } = string.Empty;

        [CommandOption("--folds <K>")]
        [Description("Cross-validation folds behind the curves.")]
        [DefaultValue(10)]
        public int Folds { get; init; } = 10;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required.")
            : Folds < 2 ? ValidationResult.Error("--folds must be at least 2.")
            : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ScoringFailures.Guard(async () =>
        {
            await using var store = await StoreAccess.OpenAsync(settings, cancellationToken);
            var snapshot = await ScoringStores.LatestSnapshotAsync(store, cancellationToken);
            var promoted = await store.Models.GetPromotedAsync(cancellationToken)
                ?? throw new UserFacingException("No model is promoted; train one first (bgraph train --labels FILE).");
            var model = ScoringModel.Load(promoted);
            var set = TrainingSet.Build(snapshot, await store.Labels.GetLatestAsync(cancellationToken));
            var groups = await ScoringStores.IdentityGroupsAsync(store, cancellationToken);
            var training = TrainingOptions.Default with { Trainer = TrainingOptions.ParseTrainer(promoted.Info.Trainer) };
            var cv = new CrossValidator(training, new EvaluationOptions(settings.Folds, Thresholds: settings.Thresholds)).Run(set, a => groups.GetValueOrDefault(a));
            var importance = PermutationImportance.Compute(model, set);
            var files = ScoringReport.Write(settings.Out, new ScoringReportData(
                promoted.Info, cv, importance, await ScoringStores.ClusterSizesAsync(store, cancellationToken)));

            if (settings.Json)
            {
                JsonOutput.Write(new { index = Path.GetFullPath(files.Index), plots = files.Plots.Select(Path.GetFullPath), model = promoted.Info.Version, metrics = cv.Overall });
            }
            else
            {
                AnsiConsole.MarkupLine($"Report for {TerminalText.Markup(promoted.Info.Version)} written: {TerminalText.Markup(Path.GetFullPath(files.Index))}");
            }

            return ExitCodes.Ok;
        });
}
