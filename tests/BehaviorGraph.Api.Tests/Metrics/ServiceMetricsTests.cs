using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Metrics;
using BehaviorGraph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BehaviorGraph.Api.Tests.Metrics;

/// <summary>The service's /metrics through the real host. The fixture is shared, so counts are compared before and after.</summary>
[Collection(Support.ServiceCollection.Name)]
public sealed class ServiceMetricsTests(ServiceFixture service)
{
    private const string RiskRoute = "/v1/accounts/{id}/risk";

    [Fact]
    public async Task RiskLookups_AreCountedAsHitsAndMisses_AndTimedPerRoute()
    {
        using var admin = service.Client("admin");
        using var enforcement = service.Client("enforcement");
        var before = await ScrapeAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await enforcement.GetAsync("/v1/accounts/a1/risk")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enforcement.GetAsync("/v1/accounts/a2/risk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enforcement.GetAsync("/v1/accounts/nobody/risk")).StatusCode);
        var after = await ScrapeAsync(admin);

        Assert.Equal(2, Value(after, "bgraph_risk_lookups_total{result=\"hit\"}") - Value(before, "bgraph_risk_lookups_total{result=\"hit\"}"));
        Assert.Equal(1, Value(after, "bgraph_risk_lookups_total{result=\"miss\"}") - Value(before, "bgraph_risk_lookups_total{result=\"miss\"}"));
        var route = $"route=\"{RiskRoute}\",method=\"GET\"";
        Assert.Equal(3, Value(after, $"bgraph_http_request_duration_seconds_count{{{route}}}") - Value(before, $"bgraph_http_request_duration_seconds_count{{{route}}}"));
        Assert.Equal(1, Value(after, $"bgraph_http_requests_total{{{route},status=\"404\"}}") - Value(before, $"bgraph_http_requests_total{{{route},status=\"404\"}}"));
        Assert.Contains("# TYPE bgraph_http_request_duration_seconds histogram", after, StringComparison.Ordinal);
        // Cumulative buckets: every request is at or below +Inf, and no bucket holds more than the next one up.
        var buckets = Lines(after, $"bgraph_http_request_duration_seconds_bucket{{{route},le=").Select(v => v.Value).ToList();
        Assert.True(buckets.Count > 10);
        Assert.Equal(Value(after, $"bgraph_http_request_duration_seconds_count{{{route}}}"), buckets[^1]);
        Assert.True(buckets.Zip(buckets.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public async Task Gauges_NameTheServedModelAndRun()
    {
        using var admin = service.Client("admin");
        var text = await ScrapeAsync(admin);

        Assert.Equal(1, Value(text, $"bgraph_score_model_info{{model_version=\"{TestData.ModelVersion}\"}}"));
        Assert.Equal(service.ScoringRunId, Value(text, "bgraph_score_run_id"));
        Assert.Equal(3, Value(text, "bgraph_score_cache_accounts"));
        var age = Value(text, "bgraph_score_run_age_seconds");
        Assert.InRange(age, 0, TimeSpan.FromHours(1).TotalSeconds);
    }

    [Fact]
    public async Task JobsRunByTheServer_AreTimed_AndFailuresCounted()
    {
        using var admin = service.Client("admin");
        var before = await ScrapeAsync(admin);

        // A run that succeeds, and one that fails: its inbox is a file, so the folder cannot be created.
        var ok = await TriggerAsync(admin, new { });
        Assert.Equal("Succeeded", (await service.WaitForJobAsync(ok)).State);
        var notAFolder = Path.Combine(service.Directory, "not-a-folder");
        await File.WriteAllTextAsync(notAFolder, "x");
        await TriggerAsync(admin, new { arguments = new Dictionary<string, string> { ["inbox"] = notAFolder } });
        var failures = "bgraph_job_failures_total{job=\"ingest\"}";
        var after = await ScrapeAsync(admin);
        for (var i = 0; i < 150 && Value(after, failures) <= Value(before, failures); i++)
        {
            await Task.Delay(200);
            after = await ScrapeAsync(admin);
        }

        var succeeded = "bgraph_job_duration_seconds_count{job=\"ingest\",outcome=\"succeeded\"}";
        Assert.True(Value(after, succeeded) - Value(before, succeeded) >= 1);
        Assert.Equal(1, Value(after, failures) - Value(before, failures));
        Assert.True(Value(after, "bgraph_job_duration_seconds_count{job=\"ingest\",outcome=\"failed\"}") >= 1);
    }

    [Fact]
    public void JobNames_FollowTheScheduleSpelling()
    {
        Assert.Equal("ingest", JobMetricsFilter.JobName(typeof(IngestJob)));
        Assert.Equal("graph-sync", JobMetricsFilter.JobName(typeof(GraphSyncJob)));
    }

    [Fact]
    public void Facade_RendersEveryCounterItRecords()
    {
        var metrics = service.Services.GetRequiredService<ServiceMetrics>();
        var before = metrics.Render();

        metrics.RateLimited();
        metrics.LabelAdded();
        metrics.JobTriggered();
        metrics.EventsIngested(5, 2);
        var after = metrics.Render();

        Assert.Equal(1, Value(after, "bgraph_rate_limited_total") - Value(before, "bgraph_rate_limited_total"));
        Assert.Equal(1, Value(after, "bgraph_labels_added_total") - Value(before, "bgraph_labels_added_total"));
        Assert.Equal(1, Value(after, "bgraph_jobs_triggered_total") - Value(before, "bgraph_jobs_triggered_total"));
        Assert.Equal(5, Value(after, "bgraph_api_events_ingested_total") - Value(before, "bgraph_api_events_ingested_total"));
        Assert.Equal(2, Value(after, "bgraph_api_events_quarantined_total") - Value(before, "bgraph_api_events_quarantined_total"));
    }

    private static async Task<string> TriggerAsync(HttpClient admin, object body)
    {
        using var response = await admin.PostAsJsonAsync("/v1/jobs/ingest/trigger", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JobTriggered>(Json.Options))!.JobId;
    }

    private static async Task<string> ScrapeAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sample named exactly <paramref name="series"/> (name and labels), 0 when absent (a counter not yet incremented).</summary>
    private static double Value(string text, string series) =>
        Lines(text, series + " ").Select(v => v.Value).DefaultIfEmpty(0).Single();

    private static IEnumerable<(string Series, double Value)> Lines(string text, string prefix) =>
        text.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => (line[..line.LastIndexOf(' ')], double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)));

    private sealed class IngestJob;

    private sealed class GraphSyncJob;
}
