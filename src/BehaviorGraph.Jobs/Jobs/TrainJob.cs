using BehaviorGraph.Core.Storage;
using BehaviorGraph.Jobs.Arguments;
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
        var args = TrainJobArguments.From(arguments);
        var labels = await store.Labels.GetLatestAsync(cancellationToken);
        if (labels.Count == 0)
        {
            return "skipped: the label store is empty";
        }

        var promoted = await store.Models.GetPromotedAsync(cancellationToken);
        var newestLabel = labels.Max(l => l.LabelledAt);
        if (promoted is not null && newestLabel <= promoted.Info.CreatedAt && !args.Force)
        {
            return $"skipped: no label is newer than the promoted model {promoted.Info.Version} ({promoted.Info.CreatedAt:u})";
        }

        var snapshot = await store.Features.GetLatestSnapshotAsync(cancellationToken);
        if (snapshot is null)
        {
            return "skipped: no complete analysis run";
        }

        var groups = await IdentityGroups.BuildAsync(store.Clusters, cancellationToken);
        var lifecycle = new ModelLifecycle(store.Models, args.ToTrainingOptions(), args.ToEvaluationOptions(), args.ToGateOptions());
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
}
