using BehaviorGraph.Jobs.Hosting;
using BehaviorGraph.Jobs.Schedules;
using Hangfire;
using Hangfire.States;

namespace BehaviorGraph.Jobs;

/// <summary>Enqueues a job now, on the queue its schedule uses (else <c>default</c>), and returns the Hangfire job id.</summary>
public sealed class JobTrigger
{
    private readonly IBackgroundJobClient _client;
    private readonly Dictionary<string, string> _queues;

    internal JobTrigger(IBackgroundJobClient client, IReadOnlyList<JobSchedule> schedules)
    {
        _client = client;
        _queues = schedules.GroupBy(s => s.Job, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Queue, StringComparer.Ordinal);
    }

    /// <summary>Throws <see cref="JobArgumentException"/> for an unknown job or a bad argument.</summary>
    public string Trigger(string name, IReadOnlyDictionary<string, string>? arguments)
    {
        var args = arguments is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(arguments, StringComparer.Ordinal);
        var queue = QueueOf(name);
        return _client.Create(JobFactory.Create(name, args, queue), new EnqueuedState(queue));
    }

    /// <summary>The queue a triggered <paramref name="name"/> job goes to.</summary>
    public string QueueOf(string name) => _queues.GetValueOrDefault(name) ?? EnqueuedState.DefaultQueue;

    internal IEnumerable<string> Queues => _queues.Values.Append(EnqueuedState.DefaultQueue).Distinct(StringComparer.Ordinal);
}
