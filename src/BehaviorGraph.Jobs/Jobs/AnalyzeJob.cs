#if ANALYSIS_PIPELINE
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Core.Storage;
using Hangfire;
using Hangfire.Server;
using Hangfire.States;

namespace BehaviorGraph.Jobs.Jobs;

/// <summary>
/// Runs the analysis pipeline (the same <see cref="AnalysisPipeline"/> <c>bgraph analyze</c> runs) and, once it
/// succeeds, enqueues <c>score</c> as its Hangfire continuation, so scores always follow a new snapshot.
/// </summary>
internal sealed class AnalyzeJob(IBehaviorStore store, IBackgroundJobClient client, JobTrigger trigger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<string> RunAsync(Dictionary<string, string> arguments, PerformContext? context, CancellationToken cancellationToken)
    {
        JobCatalog.Validate(JobNames.Analyze, arguments);
        var result = await AnalysisPipeline.RunAsync(store, new AnalysisOptions(), null, cancellationToken);
        var summary = $"analysis: {result}";
        if (context is not null)
        {
            var queue = trigger.QueueOf(JobNames.Score);
            var score = client.Create(
                Hosting.JobFactory.Create(JobNames.Score, new Dictionary<string, string>(StringComparer.Ordinal), queue),
                new AwaitingState(context.BackgroundJob.Id, new EnqueuedState(queue)));
            summary += $"; score continues as job {score}";
        }

        return summary;
    }
}
#endif
