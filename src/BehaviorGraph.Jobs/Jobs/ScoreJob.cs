using BehaviorGraph.Core.Storage;
using BehaviorGraph.Jobs.Arguments;
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
        var args = ScoreJobArguments.From(arguments);
        var snapshot = await store.Features.GetLatestSnapshotAsync(cancellationToken);
        if (snapshot is null)
        {
            return "skipped: no complete analysis run";
        }

        if (await store.Models.GetPromotedAsync(cancellationToken) is null)
        {
            return "skipped: no model is promoted";
        }

        var (run, batch) = await ScoringRun.ExecuteAsync(store.Models, store.Scores, snapshot, args.ToScoringOptions(), null, cancellationToken);
        return $"scoring run {run.RunId}: {run.Accounts} accounts of analysis run {run.SnapshotRunId} with {run.ModelVersion} " +
            $"in {batch.Elapsed.TotalSeconds:F2} s";
    }
}
