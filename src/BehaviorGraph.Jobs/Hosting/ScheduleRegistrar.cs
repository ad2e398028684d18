using BehaviorGraph.Jobs.Schedules;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BehaviorGraph.Jobs.Hosting;

/// <summary>
/// Makes Hangfire's recurring jobs match the schedule file at start-up: adds or updates every declared schedule and
/// removes recurring jobs the file no longer declares.
/// </summary>
internal sealed class ScheduleRegistrar(
    IReadOnlyList<JobSchedule> schedules, IRecurringJobManager manager, JobStorage storage, ILogger<ScheduleRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var declared = schedules.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        using (var connection = storage.GetConnection())
        {
            foreach (var stale in connection.GetRecurringJobs().Where(r => !declared.Contains(r.Id)))
            {
                manager.RemoveIfExists(stale.Id);
                logger.LogInformation("Removed recurring job {Id}: the schedule file no longer declares it", stale.Id);
            }
        }

        foreach (var schedule in schedules)
        {
            manager.AddOrUpdate(
                schedule.Id,
                JobFactory.Create(schedule.Job, new Dictionary<string, string>(schedule.Arguments, StringComparer.Ordinal), schedule.Queue),
                schedule.Cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            logger.LogInformation("Scheduled {Id}: {Job} at '{Cron}' (UTC) on queue {Queue}", schedule.Id, schedule.Job, schedule.Cron, schedule.Queue);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
