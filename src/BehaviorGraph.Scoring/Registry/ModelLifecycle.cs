using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Evaluation;
using BehaviorGraph.Scoring.Training;

namespace BehaviorGraph.Scoring.Registry;

/// <summary>
/// Train → cross-validate → register → gate. Every trained model is saved with its version
/// (<c>m-YYYYMMDD-HHMMSS-&lt;hash8&gt;</c>), features, training-data hash, metrics and settings, whether or not the
/// gate promotes it.
/// </summary>
public sealed class ModelLifecycle(
    IModelRegistry registry,
    TrainingOptions training,
    EvaluationOptions evaluation,
    PromotionGateOptions gate,
    TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<TrainingOutcome> TrainAsync(
        FeatureSnapshot snapshot, IReadOnlyList<AccountLabel> labels, Func<string, string?>? groupOf, CancellationToken cancellationToken)
    {
        var set = TrainingSet.Build(snapshot, labels);
        set.EnsureEnough(training.MinimumLabelsPerClass);
        var crossValidation = new CrossValidator(training, evaluation).Run(set, groupOf);
        cancellationToken.ThrowIfCancellationRequested();
        var trained = new ScoringModelTrainer(training).Train(set);
        var hash = set.ComputeHash(training);
        var now = _clock.GetUtcNow();
        var settings = new SortedDictionary<string, string>(training.ToSettings().ToDictionary(), StringComparer.Ordinal)
        {
            ["folds"] = crossValidation.Folds.ToString(),
            ["snapshotRunId"] = snapshot.RunId.ToString(),
            ["examples"] = set.Count.ToString(),
        };
        var info = new ModelInfo(
            $"m-{now:yyyyMMdd-HHmmss}-{hash[..8]}",
            training.TrainerName,
            trained.FeatureNames,
            hash,
            crossValidation.Overall,
            settings,
            now,
            Promoted: false);
        if (await registry.GetAsync(info.Version, cancellationToken) is not null)
        {
            throw new InvalidOperationException($"Model {info.Version} (same training data and settings, same second) is already registered.");
        }

        await registry.SaveAsync(new ModelRecord(info, trained.Bytes), cancellationToken);
        var promotion = await PromoteAsync(info, force: false, cancellationToken);
        return new TrainingOutcome(info with { Promoted = promotion.Promoted }, crossValidation, promotion, set.Count, set.UnknownAccounts);
    }

    /// <summary>Promotes <paramref name="version"/> if the gate allows it (or <paramref name="force"/>).</summary>
    public async Task<PromotionDecision> PromoteAsync(string version, bool force, CancellationToken cancellationToken)
    {
        var candidate = await registry.GetAsync(version, cancellationToken)
            ?? throw new KeyNotFoundException($"No model with version '{version}'; `bgraph models` lists them.");
        return await PromoteAsync(candidate.Info, force, cancellationToken);
    }

    private async Task<PromotionDecision> PromoteAsync(ModelInfo candidate, bool force, CancellationToken cancellationToken)
    {
        var promoted = (await registry.GetPromotedAsync(cancellationToken))?.Info;
        var decision = PromotionGate.Evaluate(candidate, promoted, gate);
        if (!decision.Promoted && force)
        {
            decision = new PromotionDecision(true, $"forced past the gate ({decision.Reason})");
        }

        if (decision.Promoted && promoted?.Version != candidate.Version)
        {
            await registry.PromoteAsync(candidate.Version, cancellationToken);
        }

        return decision;
    }
}
