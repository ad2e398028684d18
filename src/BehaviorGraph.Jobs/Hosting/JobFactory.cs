using BehaviorGraph.Jobs.Jobs;
using Hangfire.Common;

namespace BehaviorGraph.Jobs.Hosting;

/// <summary>The Hangfire job (type, method, arguments, queue) behind each job name.</summary>
internal static class JobFactory
{
    public static Job Create(string name, Dictionary<string, string> arguments, string queue)
    {
        JobCatalog.Validate(name, arguments);
        return name switch
        {
            JobNames.Ingest => Job.FromExpression<IngestJob>(j => j.RunAsync(arguments, CancellationToken.None), queue),
            JobNames.Analyze => Job.FromExpression<AnalyzeJob>(j => j.RunAsync(arguments, null, CancellationToken.None), queue),
            JobNames.Train => Job.FromExpression<TrainJob>(j => j.RunAsync(arguments, CancellationToken.None), queue),
            JobNames.Score => Job.FromExpression<ScoreJob>(j => j.RunAsync(arguments, CancellationToken.None), queue),
            JobNames.GraphSync => Job.FromExpression<GraphSyncJob>(j => j.RunAsync(arguments, CancellationToken.None), queue),
            _ => throw new JobArgumentException($"Job '{name}' is unknown; jobs are {string.Join(", ", JobNames.All)}."),
        };
    }
}
