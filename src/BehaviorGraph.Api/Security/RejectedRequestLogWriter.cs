namespace BehaviorGraph.Api.Security;

/// <summary>Flushes the <see cref="RejectedRequestLog"/> once per <see cref="ServiceOptions.RejectedRequestLogInterval"/>, and at shutdown.</summary>
internal sealed class RejectedRequestLogWriter(RejectedRequestLog log, ServiceOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RejectedRequestLogInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                log.Flush();
            }
        }
        catch (OperationCanceledException)
        {
        }

        log.Flush();
    }
}
