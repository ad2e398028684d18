using System.Globalization;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Registry;
using BehaviorGraph.Scoring.Scoring;

namespace BehaviorGraph.Cli.Commands.Scoring;

/// <summary>
/// The turn of the shipped chain that follows an analysis: train on the store's labels (registered and promoted when
/// the gate passes), score every account of the latest analysis with the promoted model and publish the run, as
/// <c>bgraph train</c> and <c>bgraph score</c> do. The next analysis reads the run's decisions.
/// </summary>
internal static class ScoringCycle
{
    /// <summary>What the turn did, or why it scored nothing (no labels of both kinds, the model not promoted).</summary>
    public sealed record Outcome(bool Scored, string Description, int Flagged);

    public static async Task<Outcome> RunAsync(IBehaviorStore store, CancellationToken cancellationToken)
    {
        TrainingOutcome trained;
        try
        {
            trained = await ScoringStores.TrainWithDefaultsAsync(store, cancellationToken);
        }
        catch (InsufficientLabelsException ex)
        {
            return new Outcome(false, "not scored: " + ex.Message, 0);
        }

        if (!trained.Promotion.Promoted)
        {
            return new Outcome(false, $"not scored: model {trained.Model.Version} not promoted ({trained.Promotion.Reason})", 0);
        }

        var snapshot = await ScoringStores.LatestSnapshotAsync(store, cancellationToken);
        var (run, batch) = await ScoringRun.ExecuteAsync(store.Models, store.Scores, snapshot, ScoringOptions.Default, null, cancellationToken);
        var flagged = batch.Scores.Count(s => s.Decision != Core.Scoring.Decision.Allow);
        return new Outcome(
            true,
            string.Create(CultureInfo.InvariantCulture,
                $"model {trained.Model.Version} (AUC {trained.Model.Metrics.Auc:F3} on {trained.Examples:N0} labelled accounts) scored {batch.Scores.Count:N0} accounts in run {run.RunId}, {flagged:N0} flagged"),
            flagged);
    }
}
