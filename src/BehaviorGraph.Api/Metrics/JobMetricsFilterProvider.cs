using Hangfire;
using Hangfire.Common;

namespace BehaviorGraph.Api.Metrics;

/// <summary>
/// The filters Hangfire applies in this service: the global ones (retries, DisableConcurrentExecution, …) plus the job
/// metrics filter of this service instance. Registered as the container's <see cref="IJobFilterProvider"/>, which the
/// Hangfire server resolves, so the metrics filter is never added to Hangfire's process-wide static collection.
/// </summary>
internal sealed class JobMetricsFilterProvider(JobMetricsFilter filter) : IJobFilterProvider
{
    public IEnumerable<JobFilter> GetFilters(Job job) =>
        JobFilterProviders.Providers.GetFilters(job).Append(new JobFilter(filter, JobFilterScope.Global, null));
}
