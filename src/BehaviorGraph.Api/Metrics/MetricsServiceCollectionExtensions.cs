using Hangfire.Common;

namespace BehaviorGraph.Api.Metrics;

internal static class MetricsServiceCollectionExtensions
{
    /// <summary>The service's metrics, and the Hangfire filter provider that times this process's jobs.</summary>
    public static IServiceCollection AddServiceMetrics(this IServiceCollection services)
    {
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<JobMetricsFilter>();
        // Added last, so it wins over the global provider Hangfire registers with TryAdd.
        services.AddSingleton<IJobFilterProvider, JobMetricsFilterProvider>();
        return services;
    }
}
