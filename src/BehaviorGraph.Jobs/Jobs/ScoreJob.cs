using System.Globalization;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Scoring;
using Hangfire;

namespace BehaviorGraph.Jobs.Jobs;

/// <summary>
/// Scores the latest feature snapshot with the promoted model and publishes the run — the same
/// <see cref="ScoringRun"/> that <c>bgraph score</c> runs. Skips (successfully) when there is nothing to score with.
/// </summary>
internal sealed class ScoreJob(IBehaviorStore store)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<string> RunAsync(Dictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        JobCatalog.Validate(JobNames.Score, arguments);
        var snapshot = await store.Features.GetLatestSnapshotAsync(cancellationToken);
        if (snapshot is null)
        {
            return "skipped: no complete analysis run";
        }

        if (await store.Models.GetPromotedAsync(cancellationToken) is null)
        {
            return "skipped: no model is promoted";
        }

        var thresholds = new DecisionThresholds(Number(arguments, "review", 0.5), Number(arguments, "block", 0.9));
        var options = new ScoringOptions(thresholds, (int)Number(arguments, "reasons", 3));
        var (run, batch) = await ScoringRun.ExecuteAsync(store.Models, store.Scores, snapshot, options, null, cancellationToken);
        return $"scoring run {run.RunId}: {run.Accounts} accounts of analysis run {run.SnapshotRunId} with {run.ModelVersion} " +
            $"in {batch.Elapsed.TotalSeconds:F2} s";
    }

    private static double Number(Dictionary<string, string> arguments, string name, double fallback) =>
        arguments.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
