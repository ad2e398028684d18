namespace BehaviorGraph.Jobs.Schedules;

/// <summary>One recurring job as the schedule file declares it: an id, the job, a cron expression, a queue and arguments.</summary>
public sealed record JobSchedule(string Id, string Job, string Cron, string Queue, IReadOnlyDictionary<string, string> Arguments);
