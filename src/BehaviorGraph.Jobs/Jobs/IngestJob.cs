using BehaviorGraph.Jobs.Arguments;
using Hangfire;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Jobs.Jobs;

/// <summary>Scans the inbox (argument <c>inbox</c>, else the configured one) and ingests new event files.</summary>
internal sealed class IngestJob(InboxIngestor inbox, IOptions<JobsOptions> options)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<string> RunAsync(Dictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        var folder = IngestJobArguments.From(arguments).Inbox ?? options.Value.InboxPath;
        var report = await inbox.IngestAsync(folder, cancellationToken);
        return $"{Path.GetFullPath(folder)}: {report}";
    }
}
