using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Analytics.Pipeline.State;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Jobs.Arguments;
using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Jobs.Jobs;

/// <summary>
/// Runs the analysis pipeline (the same <see cref="AnalysisPipeline"/> <c>bgraph analyze</c> runs) and, once it
/// succeeds, enqueues <c>score</c> as its Hangfire continuation, so scores always follow a new snapshot, and
/// <c>graph-sync</c> after that, so Neo4j (when configured) carries each run's scores and clusters. Its thresholds are
/// the <c>BehaviorGraph:Analysis</c> settings. It continues the previous run incrementally when that run's state is kept
/// (<see cref="AnalysisStateFile"/>), unless its <c>full</c> argument is true.
/// </summary>
internal sealed class AnalyzeJob(IBehaviorStore store, IBackgroundJobClient client, JobTrigger trigger, IOptions<AnalysisOptions> analysis, AnalysisStateFile state)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<string> RunAsync(Dictionary<string, string> arguments, PerformContext? context, CancellationToken cancellationToken)
    {
        var parsed = AnalyzeJobArguments.From(arguments);
        AnalysisResult result;
        try
        {
            result = await AnalysisPipeline.RunAsync(store, analysis.Value, new AnalysisRequest(state, parsed.Full), null, cancellationToken);
        }
        catch (EmptyStoreException ex)
        {
            return $"skipped: {ex.Message}";
        }

        var how = result.Scope.Incremental
            ? $"incremental from run {result.Scope.PreviousRunId}, {result.Scope.NewEvents} new events touching {result.Scope.TouchedAccounts} accounts"
            : $"full ({result.Scope.Recomputed})";
        var summary = $"analysis run {result.RunId} ({how}): {result.Accounts} accounts, {result.Events} events, {result.Edges} edges; " +
            $"{result.CountOf(ClusterKind.Identity)} identity, {result.CountOf(ClusterKind.Ring)} ring, {result.CountOf(ClusterKind.Bot)} bot clusters " +
            $"in {result.Elapsed.TotalSeconds:F1} s";
        if (context is not null)
        {
            var queue = trigger.QueueOf(JobNames.Score);
            var score = client.Create(
                Hosting.JobFactory.Create(JobNames.Score, new Dictionary<string, string>(StringComparer.Ordinal), queue),
                new AwaitingState(context.BackgroundJob.Id, new EnqueuedState(queue)));
            var syncQueue = trigger.QueueOf(JobNames.GraphSync);
            var sync = client.Create(
                Hosting.JobFactory.Create(JobNames.GraphSync, new Dictionary<string, string>(StringComparer.Ordinal), syncQueue),
                new AwaitingState(score, new EnqueuedState(syncQueue)));
            summary += $"; score continues as job {score}, then graph-sync as job {sync}";
        }

        return summary;
    }
}
