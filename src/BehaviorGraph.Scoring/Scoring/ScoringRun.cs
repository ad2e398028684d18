using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Scoring;

/// <summary>Scores a snapshot with the promoted model and publishes the run atomically.</summary>
public static class ScoringRun
{
    public static async Task<(ScoringRunInfo Run, ScoringBatchResult Batch)> ExecuteAsync(
        IModelRegistry registry, IScoreStore scores, FeatureSnapshot snapshot, ScoringOptions options, TimeProvider? clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(scores);
        var record = await registry.GetPromotedAsync(cancellationToken)
            ?? throw new InvalidOperationException("No model is promoted; train one (bgraph train) or promote one (bgraph promote VERSION).");
        var model = ScoringModel.Load(record);
        model.EnsureCompatible(snapshot.FeatureNames);
        var runId = await scores.BeginRunAsync(record.Info.Version, snapshot.RunId, options.EffectiveThresholds, cancellationToken);
        var batch = model.ScoreAll(snapshot, options, runId, (clock ?? TimeProvider.System).GetUtcNow());
        var run = await scores.PublishAsync(runId, batch.Scores, cancellationToken);
        return (run, batch);
    }
}
