namespace BehaviorGraph.Api.Scoring;

/// <summary>Loads the score cache at start-up and polls for a newer scoring run every <see cref="ServiceOptions.ScoreRefreshInterval"/>.</summary>
internal sealed class ScoreCacheRefresher(ScoreCache cache, ServiceOptions options, ILogger<ScoreCacheRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await cache.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ScoreRefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cache.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Refreshing the score cache failed; lookups keep the previous run");
            }
        }
    }
}
