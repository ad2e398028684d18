using System.Globalization;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Registry;
using BehaviorGraph.Scoring.Training;
using Hangfire;

namespace BehaviorGraph.Jobs.Jobs;

/// <summary>
/// Trains, cross-validates, registers and gates a model — the same <see cref="ModelLifecycle"/> and identity groups
/// <c>bgraph train</c> uses — but only when a label is newer than the promoted model (or <c>force</c> is true).
/// </summary>
internal sealed class TrainJob(IBehaviorStore store)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<string> RunAsync(Dictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        JobCatalog.Validate(JobNames.Train, arguments);
        var labels = await store.Labels.GetLatestAsync(cancellationToken);
        if (labels.Count == 0)
        {
            return "skipped: the label store is empty";
        }

        var promoted = await store.Models.GetPromotedAsync(cancellationToken);
        var newestLabel = labels.Max(l => l.LabelledAt);
        var force = arguments.GetValueOrDefault("force") == "true";
        if (promoted is not null && newestLabel <= promoted.Info.CreatedAt && !force)
        {
            return $"skipped: no label is newer than the promoted model {promoted.Info.Version} ({promoted.Info.CreatedAt:u})";
        }

        var snapshot = await store.Features.GetLatestSnapshotAsync(cancellationToken);
        if (snapshot is null)
        {
            return "skipped: no complete analysis run";
        }

        var training = TrainingOptions.Default with
        {
            Trainer = TrainingOptions.ParseTrainer(arguments.GetValueOrDefault("trainer") ?? "fasttree"),
            MinimumLabelsPerClass = Integer(arguments, "minLabels", TrainingOptions.Default.MinimumLabelsPerClass),
        };
        var groups = await IdentityGroups.BuildAsync(store.Clusters, cancellationToken);
        var gate = new PromotionGateOptions(
            Number(arguments, "auprcTolerance", PromotionGateOptions.Default.AuprcTolerance),
            Number(arguments, "minAuc", PromotionGateOptions.Default.MinimumAuc));
        var lifecycle = new ModelLifecycle(store.Models, training, new EvaluationOptions(Integer(arguments, "folds", 10)), gate);
        TrainingOutcome outcome;
        try
        {
            outcome = await lifecycle.TrainAsync(snapshot, labels, a => groups.GetValueOrDefault(a), cancellationToken);
        }
        catch (InsufficientLabelsException ex)
        {
            return $"skipped: {ex.Message}";
        }

        return $"trained {outcome.Model.Version} on {outcome.Examples} accounts (AUC {outcome.Model.Metrics.Auc:F3}, " +
            $"AUPRC {outcome.Model.Metrics.Auprc:F3}); {(outcome.Promotion.Promoted ? "promoted" : "not promoted")}: {outcome.Promotion.Reason}";
    }

    private static double Number(Dictionary<string, string> arguments, string name, double fallback) =>
        arguments.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static int Integer(Dictionary<string, string> arguments, string name, int fallback) =>
        arguments.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
