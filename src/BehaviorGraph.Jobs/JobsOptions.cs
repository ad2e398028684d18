using BehaviorGraph.Hosting;
using BehaviorGraph.Hosting.Settings;
using BehaviorGraph.Jobs.Schedules;

namespace BehaviorGraph.Jobs;

/// <summary>
/// How the job host runs (section <c>BehaviorGraph:Jobs</c>): the schedule file, the default inbox of the ingest job,
/// and the Hangfire server's workers and polling interval. Hangfire's storage follows the store.
/// </summary>
public sealed record JobsOptions
{
    public const string SectionName = BehaviorGraphSettings.JobsSection;

    public const string DefaultInboxPath = "./data/inbox";

    public const int MaxWorkers = 64;

    /// <summary>One worker per core, at most four: the analytics jobs are CPU-bound and the service shares the machine.</summary>
    public static int DefaultWorkers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    public string SchedulesPath { get; init; } = ScheduleFile.DefaultPath;

    public string InboxPath { get; init; } = DefaultInboxPath;

    /// <summary>Run a Hangfire server in this host (false: enqueue and dashboard only).</summary>
    public bool RunServer { get; init; } = true;

    public int Workers { get; init; } = DefaultWorkers;

    /// <summary>How often an idle worker looks for new jobs (SQLite storage) and the scheduler for due ones.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    internal static void Check(JobsOptions options, SettingRules rules)
    {
        rules.NotEmpty(nameof(SchedulesPath), options.SchedulesPath);
        rules.NotEmpty(nameof(InboxPath), options.InboxPath);
        rules.Between(nameof(Workers), options.Workers, 1, MaxWorkers);
        rules.Positive(nameof(PollInterval), options.PollInterval);
    }
}
