using BehaviorGraph.Core.Storage;
using BehaviorGraph.Jobs.Schedules;

namespace BehaviorGraph.Jobs;

/// <summary>
/// How the job host runs: the store (Hangfire's storage follows it), the schedule file, the default inbox of the
/// ingest job, and the Hangfire server's workers and polling interval.
/// </summary>
public sealed record JobsOptions(StoreLocation Store)
{
    public string SchedulesPath { get; init; } = ScheduleFile.DefaultPath;

    public string InboxPath { get; init; } = "./data/inbox";

    /// <summary>Run a Hangfire server in this host (false: enqueue and dashboard only).</summary>
    public bool RunServer { get; init; } = true;

    public int WorkerCount { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>How often an idle worker looks for new jobs (SQLite storage) and the scheduler for due ones.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);
}
