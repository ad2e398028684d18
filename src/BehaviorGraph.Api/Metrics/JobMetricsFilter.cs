using System.Diagnostics;
using System.Text;
using Hangfire.Server;

namespace BehaviorGraph.Api.Metrics;

/// <summary>Times every job this process's Hangfire server performs and counts the runs that threw.</summary>
internal sealed class JobMetricsFilter(ServiceMetrics metrics) : IServerFilter
{
    private const string StartedKey = "bgraph.metrics.started";

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[StartedKey] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long start)
        {
            var succeeded = context.Exception is null || context.ExceptionHandled;
            metrics.JobFinished(JobName(context.BackgroundJob.Job.Type), Stopwatch.GetElapsedTime(start).TotalSeconds, succeeded);
        }
    }

    /// <summary>The job's name as schedules spell it: <c>GraphSyncJob</c> is <c>graph-sync</c>.</summary>
    internal static string JobName(Type type)
    {
        var name = type.Name.EndsWith("Job", StringComparison.Ordinal) ? type.Name[..^3] : type.Name;
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
