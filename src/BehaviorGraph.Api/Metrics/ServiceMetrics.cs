using System.Text;
using BehaviorGraph.Api.Scoring;
using Prometheus;

namespace BehaviorGraph.Api.Metrics;

/// <summary>
/// The service's metrics, kept by prometheus-net in a registry of this service's own (two services in one process, as
/// in the tests, never share counts) and rendered in the Prometheus text exposition format. The rest of the service
/// records through these methods only. Per request that is one counter and one histogram child looked up by their
/// label values (no allocation); everything that can be resolved once is resolved in the constructor, and the gauges
/// are read from the score cache when scraped.
/// </summary>
internal sealed class ServiceMetrics
{
    /// <summary>From 100 µs doubling to about 3.3 s: a cache lookup lands in the first buckets, a POST of events in the last.</summary>
    private static readonly double[] RequestBuckets = Histogram.ExponentialBuckets(0.0001, 2, 16);

    /// <summary>From 50 ms doubling to about 14 min: a small score job to a large ingest.</summary>
    private static readonly double[] JobBuckets = Histogram.ExponentialBuckets(0.05, 2, 15);

    private static readonly string[] StatusCodes = Enumerable.Range(0, 600).Select(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly Counter _requests;
    private readonly Histogram _requestDuration;
    private readonly Counter.Child _lookupHits;
    private readonly Counter.Child _lookupMisses;
    private readonly Counter _eventsIngested;
    private readonly Counter _eventsQuarantined;
    private readonly Counter _labelsAdded;
    private readonly Counter _jobsTriggered;
    private readonly Counter _rateLimited;
    private readonly Histogram _jobDuration;
    private readonly Counter _jobFailures;
    private readonly Gauge _modelInfo;
    private string? _modelVersionShown;

    public ServiceMetrics(ScoreCache scores, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(clock);
        var factory = Prometheus.Metrics.WithCustomRegistry(_registry);
        // No exemplars: the service does not trace, and looking for a trace context on every observation cost each lookup.
        factory.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        _requests = factory.CreateCounter("bgraph_http_requests_total", "HTTP requests by route template, method and status.",
            new CounterConfiguration { LabelNames = ["route", "method", "status"] });
        _requestDuration = factory.CreateHistogram("bgraph_http_request_duration_seconds", "Time spent answering requests, by route template and method.",
            new HistogramConfiguration { LabelNames = ["route", "method"], Buckets = RequestBuckets });
        var lookups = factory.CreateCounter("bgraph_risk_lookups_total", "Accounts looked up through the risk endpoints, by whether the latest scoring run holds them.",
            new CounterConfiguration { LabelNames = ["result"] });
        _lookupHits = lookups.WithLabels("hit");
        _lookupMisses = lookups.WithLabels("miss");
        _eventsIngested = factory.CreateCounter("bgraph_api_events_ingested_total", "Events ingested through POST /v1/events.");
        _eventsQuarantined = factory.CreateCounter("bgraph_api_events_quarantined_total", "Rows quarantined from POST /v1/events.");
        _labelsAdded = factory.CreateCounter("bgraph_labels_added_total", "Labels added through POST /v1/labels.");
        _jobsTriggered = factory.CreateCounter("bgraph_jobs_triggered_total", "Jobs enqueued through POST /v1/jobs/{name}/trigger.");
        _rateLimited = factory.CreateCounter("bgraph_rate_limited_total", "Requests refused with 429.");
        _jobDuration = factory.CreateHistogram("bgraph_job_duration_seconds", "Run time of jobs this process performed, by job and outcome.",
            new HistogramConfiguration { LabelNames = ["job", "outcome"], Buckets = JobBuckets });
        _jobFailures = factory.CreateCounter("bgraph_job_failures_total", "Job runs that ended in an exception (Hangfire retries them up to three times).",
            new CounterConfiguration { LabelNames = ["job"] });
        var cacheAccounts = factory.CreateGauge("bgraph_score_cache_accounts", "Accounts in the in-memory score cache.");
        var runId = factory.CreateGauge("bgraph_score_run_id", "Id of the scoring run the cache serves (0: none).");
        var runAge = factory.CreateGauge("bgraph_score_run_age_seconds", "Seconds since the scoring run the cache serves completed (0: none).");
        _modelInfo = factory.CreateGauge("bgraph_score_model_info", "1 for the model version whose scores the cache serves.",
            new GaugeConfiguration { LabelNames = ["model_version"] });
        _registry.AddBeforeCollectCallback(() =>
        {
            var snapshot = scores.Current;
            cacheAccounts.Set(snapshot.Scores.Count);
            runId.Set(snapshot.Run?.RunId ?? 0);
            runAge.Set(snapshot.Run is { } run ? Math.Max(0, (clock.GetUtcNow() - run.CompletedAt).TotalSeconds) : 0);
            ShowModel(snapshot.Run?.ModelVersion);
        });
    }

    public void Request(string route, string method, int status, double seconds)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(method);
        var code = (uint)status < StatusCodes.Length ? StatusCodes[status] : "other";
        _requests.WithLabels([route, method, code]).Inc();
        _requestDuration.WithLabels([route, method]).Observe(seconds);
    }

    public void RiskLookup(bool found) => (found ? _lookupHits : _lookupMisses).Inc();

    public void EventsIngested(long ingested, long quarantined)
    {
        _eventsIngested.Inc(ingested);
        _eventsQuarantined.Inc(quarantined);
    }

    public void LabelAdded() => _labelsAdded.Inc();

    public void JobTriggered() => _jobsTriggered.Inc();

    public void RateLimited() => _rateLimited.Inc();

    /// <summary>A job this process performed ended, after <paramref name="seconds"/>; failed when it threw.</summary>
    public void JobFinished(string job, double seconds, bool succeeded)
    {
        ArgumentNullException.ThrowIfNull(job);
        _jobDuration.WithLabels([job, succeeded ? "succeeded" : "failed"]).Observe(seconds);
        if (!succeeded)
        {
            _jobFailures.WithLabels([job]).Inc();
        }
    }

    /// <summary>Every metric in the Prometheus text exposition format (version 0.0.4).</summary>
    public string Render()
    {
        using var buffer = new MemoryStream();
        // Exporting into a memory stream completes synchronously: nothing here waits on I/O.
        _registry.CollectAndExportAsTextAsync(buffer, CancellationToken.None).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private void ShowModel(string? version)
    {
        lock (_modelInfo)
        {
            if (version == _modelVersionShown)
            {
                return;
            }

            if (_modelVersionShown is not null)
            {
                _modelInfo.RemoveLabelled(_modelVersionShown);
            }

            if (version is not null)
            {
                _modelInfo.WithLabels(version).Set(1);
            }

            _modelVersionShown = version;
        }
    }
}
