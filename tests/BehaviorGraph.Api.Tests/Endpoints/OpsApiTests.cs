using System.Net;
using System.Net.Http.Json;
using System.Text;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Tests.Support;

namespace BehaviorGraph.Api.Tests.Endpoints;

[Collection(ServiceCollection.Name)]
public sealed class OpsApiTests(ServiceFixture service)
{
    [Fact]
    public async Task Health_ReportsTheCachedScoringRun()
    {
        using var client = service.Client("none");
        var health = await client.GetFromJsonAsync<Health>("/health", Json.Options);
        Assert.Equal(new Health("healthy", service.ScoringRunId), health);
    }

    [Fact]
    public async Task Events_JsonArray_IsIngestedAndBadRowsQuarantined()
    {
        using var client = service.Client("admin");
        const string body = """
            [
              {"event_id":"h1","ts":"2026-02-01T00:00:00Z","type":"follow","actor":"h-a","target":"h-b","target_kind":"account"},
              {"event_id":"h2","ts":"2026-02-01T00:01:00Z","type":"tele port!","actor":"h-a"},
              {"event_id":"h3","ts":"2026-02-01T00:02:00Z","type":"login","actor":"h-b","device":"hd1"}
            ]
            """;
        using var response = await client.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));
        var report = await response.Content.ReadFromJsonAsync<EventsResponse>(Json.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 2, 1), (report!.Read, report.Ingested, report.Quarantined));
        Assert.Equal(1, report.QuarantinedByReason["invalid_type"]);
        Assert.False(report.AlreadyIngested);
    }

    [Fact]
    public async Task Events_JsonLines_AreIngested_AndTheSameBodyTwiceIsIdempotent()
    {
        using var client = service.Client("admin");
        const string body = "{\"event_id\":\"j1\",\"ts\":\"2026-02-02T00:00:00Z\",\"type\":\"login\",\"actor\":\"j-a\"}\n{\"event_id\":\"j2\",\"ts\":\"2026-02-02T00:01:00Z\",\"type\":\"login\",\"actor\":\"j-b\"}\n";
        using var first = await client.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        using var second = await client.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<EventsResponse>(Json.Options))!.Ingested);
        var again = (await second.Content.ReadFromJsonAsync<EventsResponse>(Json.Options))!;
        Assert.True(again.AlreadyIngested);
        Assert.Equal(0, again.Ingested);
    }

    [Fact]
    public async Task Events_Over10MB_Gives413_BeforeTheBodyIsRead()
    {
        // A raw request announcing 10 MB + 1 byte: the server must refuse from the headers alone (HttpClient would
        // fail writing the rest of a body the server no longer reads).
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(service.BaseAddress.Host, service.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var head = $"POST /v1/events HTTP/1.1\r\nHost: {service.BaseAddress.Authority}\r\nX-Api-Key: {service.AdminKey}\r\n" +
            $"Content-Type: application/x-ndjson\r\nContent-Length: {(10 * 1024 * 1024) + 1}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        var response = Encoding.ASCII.GetString(buffer, 0, read);

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherEndpoints_RefuseBodiesOver1MB_With413()
    {
        using var client = service.Client("analyst");
        var note = new string('x', (1024 * 1024) + 10);
        using var response = await client.PostAsJsonAsync("/v1/labels", new { account = "a1", label = "benign", analyst = "ana", note });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Events_InAnotherMediaType_Gives415()
    {
        using var client = service.Client("admin");
        using var response = await client.PostAsync("/v1/events", new StringContent("event_id,ts\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AreInPrometheusTextFormat()
    {
        using var client = service.Client("admin");
        await client.GetAsync("/health");
        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE bgraph_http_requests_total counter", text, StringComparison.Ordinal);
        Assert.Contains("bgraph_http_requests_total{route=\"/health\",method=\"GET\",status=\"200\"}", text, StringComparison.Ordinal);
        Assert.Contains($"bgraph_score_run_id {service.ScoringRunId}\n", text, StringComparison.Ordinal);
        Assert.Contains("bgraph_score_cache_accounts 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggeredIngestJob_IsRunByHangfire_AndMovesTheFileToDone()
    {
        Directory.CreateDirectory(service.Inbox);
        var file = Path.Combine(service.Inbox, "batch-1.csv");
        await File.WriteAllTextAsync(file, "event_id,ts,type,actor,target,target_kind,value,device,ip\nq1,2026-03-01T00:00:00Z,login,q-a,,,,qd,10.9.9.9\nq2,2026-03-01T00:01:00Z,login,q-b,,,,qd,10.9.9.9\n");
        using var client = service.Client("admin");

        using var response = await client.PostAsJsonAsync("/v1/jobs/ingest/trigger", new { });
        var triggered = await response.Content.ReadFromJsonAsync<JobTriggered>(Json.Options);
        var run = await service.WaitForJobAsync(triggered!.JobId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ingest", triggered.Queue);
        Assert.Equal("Succeeded", run.State);
        Assert.Contains("1 file(s) (0 already ingested): 2 events", run.Result, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.True(File.Exists(Path.Combine(service.Inbox, "done", "batch-1.csv")));
    }

    [Fact]
    public async Task TriggeredScoreJob_WithoutPromotedModel_SucceedsAsSkipped()
    {
        using var client = service.Client("admin");
        using var response = await client.PostAsJsonAsync("/v1/jobs/score/trigger", new { arguments = new { reasons = "2" } });
        var run = await service.WaitForJobAsync((await response.Content.ReadFromJsonAsync<JobTriggered>(Json.Options))!.JobId);

        Assert.Equal("Succeeded", run.State);
        Assert.Equal("skipped: no model is promoted", run.Result);
    }

    [Fact]
    public async Task TriggeredGraphSyncJob_WithoutAGraphStore_SucceedsAsSkipped()
    {
        using var client = service.Client("admin");
        using var response = await client.PostAsJsonAsync("/v1/jobs/graph-sync/trigger", new { });
        var run = await service.WaitForJobAsync((await response.Content.ReadFromJsonAsync<JobTriggered>(Json.Options))!.JobId);

        Assert.Equal("Succeeded", run.State);
        Assert.StartsWith("skipped: No graph store configured", run.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_Returns404ForUnknownJob_And400ForBadArgument()
    {
        using var client = service.Client("admin");
        using var unknown = await client.PostAsJsonAsync("/v1/jobs/reboot/trigger", new { });
        using var bad = await client.PostAsJsonAsync("/v1/jobs/train/trigger", new { arguments = new { folds = "1" } });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("folds", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobRun_Returns404_ForUnknownId()
    {
        using var client = service.Client("admin");
        using var response = await client.GetAsync("/v1/jobs/runs/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
