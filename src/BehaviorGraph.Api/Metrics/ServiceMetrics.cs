using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using BehaviorGraph.Api.Scoring;

namespace BehaviorGraph.Api.Metrics;

/// <summary>Counters the service keeps and renders in the Prometheus text exposition format (version 0.0.4).</summary>
internal sealed class ServiceMetrics(ScoreCache scores)
{
    private readonly ConcurrentDictionary<(string Route, string Method, int Status), long> _requests = new();
    private readonly ConcurrentDictionary<(string Route, string Method), (long Count, double Seconds)> _durations = new();
    private long _riskLookups;
    private long _riskMisses;
    private long _eventsIngested;
    private long _eventsQuarantined;
    private long _labelsAdded;
    private long _jobsTriggered;
    private long _rateLimited;

    public void Request(string route, string method, int status, double seconds)
    {
        _requests.AddOrUpdate((route, method, status), 1, (_, n) => n + 1);
        _durations.AddOrUpdate((route, method), (1, seconds), (_, d) => (d.Count + 1, d.Seconds + seconds));
    }

    public void RiskLookup(bool found)
    {
        Interlocked.Increment(ref _riskLookups);
        if (!found)
        {
            Interlocked.Increment(ref _riskMisses);
        }
    }

    public void EventsIngested(long ingested, long quarantined)
    {
        Interlocked.Add(ref _eventsIngested, ingested);
        Interlocked.Add(ref _eventsQuarantined, quarantined);
    }

    public void LabelAdded() => Interlocked.Increment(ref _labelsAdded);

    public void JobTriggered() => Interlocked.Increment(ref _jobsTriggered);

    public void RateLimited() => Interlocked.Increment(ref _rateLimited);

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# HELP bgraph_http_requests_total HTTP requests by route template, method and status.");
        text.AppendLine("# TYPE bgraph_http_requests_total counter");
        foreach (var ((route, method, status), count) in _requests.OrderBy(p => p.Key.Route, StringComparer.Ordinal).ThenBy(p => p.Key.Method, StringComparer.Ordinal).ThenBy(p => p.Key.Status))
        {
            text.Append(CultureInfo.InvariantCulture, $"bgraph_http_requests_total{{route=\"{Escape(route)}\",method=\"{method}\",status=\"{status}\"}} {count}\n");
        }

        text.AppendLine("# HELP bgraph_http_request_duration_seconds Time spent answering requests, by route template and method.");
        text.AppendLine("# TYPE bgraph_http_request_duration_seconds summary");
        foreach (var ((route, method), (count, seconds)) in _durations.OrderBy(p => p.Key.Route, StringComparer.Ordinal).ThenBy(p => p.Key.Method, StringComparer.Ordinal))
        {
            var labels = $"route=\"{Escape(route)}\",method=\"{method}\"";
            text.Append(CultureInfo.InvariantCulture, $"bgraph_http_request_duration_seconds_sum{{{labels}}} {seconds:R}\n");
            text.Append(CultureInfo.InvariantCulture, $"bgraph_http_request_duration_seconds_count{{{labels}}} {count}\n");
        }

        Counter(text, "bgraph_risk_lookups_total", "Accounts looked up through the risk endpoints.", Interlocked.Read(ref _riskLookups));
        Counter(text, "bgraph_risk_lookup_misses_total", "Looked-up accounts the latest scoring run does not hold.", Interlocked.Read(ref _riskMisses));
        Counter(text, "bgraph_api_events_ingested_total", "Events ingested through POST /v1/events.", Interlocked.Read(ref _eventsIngested));
        Counter(text, "bgraph_api_events_quarantined_total", "Rows quarantined from POST /v1/events.", Interlocked.Read(ref _eventsQuarantined));
        Counter(text, "bgraph_labels_added_total", "Labels added through POST /v1/labels.", Interlocked.Read(ref _labelsAdded));
        Counter(text, "bgraph_jobs_triggered_total", "Jobs enqueued through POST /v1/jobs/{name}/trigger.", Interlocked.Read(ref _jobsTriggered));
        Counter(text, "bgraph_rate_limited_total", "Requests refused with 429.", Interlocked.Read(ref _rateLimited));
        var snapshot = scores.Current;
        Gauge(text, "bgraph_score_cache_accounts", "Accounts in the in-memory score cache.", snapshot.Scores.Count);
        Gauge(text, "bgraph_score_run_id", "Id of the scoring run the cache serves (0: none).", snapshot.Run?.RunId ?? 0);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");

    private static void Gauge(StringBuilder text, string name, string help, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
