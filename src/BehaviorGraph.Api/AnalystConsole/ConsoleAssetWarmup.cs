namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>Compresses the console's files once at start-up, off the request path, so the first browser does not wait for it.</summary>
internal sealed class ConsoleAssetWarmup(ConsoleAssets assets) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            foreach (var asset in assets.All.Where(a => a.Compressible))
            {
                stoppingToken.ThrowIfCancellationRequested();
                _ = asset.Brotli;
                _ = asset.Gzip;
            }
        },
        stoppingToken);
}
