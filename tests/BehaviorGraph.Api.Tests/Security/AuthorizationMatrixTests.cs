using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BehaviorGraph.Api.Tests.Security;

/// <summary>
/// Every operation of the served OpenAPI document, and every route the document leaves out (the document, its
/// reference UI, the dashboard), × every kind of caller, with the exact status each must get. A route the service
/// serves that is not listed here fails the test, so a route added later must say which role it needs.
/// </summary>
[Collection(Support.ServiceCollection.Name)]
public sealed class AuthorizationMatrixTests(ServiceFixture service, ITestOutputHelper output)
{
    private static readonly string[] Callers = ["none", "unknown", "revoked", "enforcement", "analyst", "admin"];
    private static readonly string[] Roles = ["enforcement", "analyst", "admin"];

    /// <summary>"METHOD template" of each documented operation → the least role (null: open), a request that succeeds, and its status.</summary>
    private static readonly Dictionary<string, Probe> Documented = new(StringComparer.Ordinal)
    {
        ["GET /health"] = new(null, "GET", "/health", null, 200),
        ["GET /metrics"] = new("admin", "GET", "/metrics", null, 200),
        ["GET /v1/accounts/{id}/risk"] = new("enforcement", "GET", "/v1/accounts/a1/risk", null, 200),
        ["POST /v1/accounts/risk:batch"] = new("enforcement", "POST", "/v1/accounts/risk:batch", """{"accounts":["a1","a2"]}""", 200),
        ["GET /v1/clusters"] = new("analyst", "GET", "/v1/clusters", null, 200),
        ["GET /v1/clusters/{id}"] = new("analyst", "GET", "/v1/clusters/ring-1", null, 200),
        ["GET /v1/accounts/{id}/neighborhood"] = new("analyst", "GET", "/v1/accounts/a1/neighborhood", null, 200),
        ["GET /v1/queries"] = new("analyst", "GET", "/v1/queries", null, 200),
        ["POST /v1/queries/{name}"] = new("analyst", "POST", "/v1/queries/recent-quarantine", "{}", 200),
        ["POST /v1/labels"] = new("analyst", "POST", "/v1/labels", """{"account":"a3","label":"benign","note":"matrix"}""", 201),
        ["GET /v1/accounts/{id}/labels"] = new("analyst", "GET", "/v1/accounts/a1/labels", null, 200),
        ["POST /v1/jobs/{name}/trigger"] = new("admin", "POST", "/v1/jobs/graph-sync/trigger", "{}", 202),
        ["GET /v1/jobs/runs/{jobId}"] = new("admin", "GET", "/v1/jobs/runs/{job}", null, 200),
        ["POST /v1/events"] = new("admin", "POST", "/v1/events", """[{"event_id":"matrix-1","ts":"2026-02-01T00:00:00Z","type":"login","actor":"a9"}]""", 200),
        ["GET /v1/review-queue"] = new("analyst", "GET", "/v1/review-queue", null, 200),
        ["GET /v1/clusters/{id}/members"] = new("analyst", "GET", "/v1/clusters/ring-1/members", null, 200),
        ["GET /v1/clusters/{id}/identifiers"] = new("analyst", "GET", "/v1/clusters/ring-1/identifiers", null, 200),
        ["GET /v1/clusters/{id}/activity"] = new("analyst", "GET", "/v1/clusters/ring-1/activity", null, 200),
        ["GET /v1/nodes/{kind}/{key}/edges"] = new("analyst", "GET", "/v1/nodes/account/a1/edges", null, 200),
    };

    /// <summary>Route patterns the document leaves out → requests to them and their status for the roles allowed.</summary>
    private static readonly Dictionary<string, Probe[]> Undocumented = new(StringComparer.Ordinal)
    {
        ["/openapi/{documentName}.json"] = [new("enforcement", "GET", "/openapi/v1.json", null, 200)],
        ["/scalar/{documentName?}"] = [new("enforcement", "GET", "/scalar/v1", null, 200)],
        // The reference UI's static script and icon are open (the UI page and the document it reads are not).
        ["/scalar/scalar.js"] = [new(null, "GET", "/scalar/scalar.js", null, 200)],
        ["/scalar/scalar.aspnetcore.js"] = [new(null, "GET", "/scalar/scalar.aspnetcore.js", null, 200)],
        ["/scalar/favicon.svg"] = [new(null, "GET", "/scalar/favicon.svg", null, 200)],
        ["/hangfire/{**path}"] =
        [
            new("admin", "GET", "/hangfire", null, 200),
            new("admin", "GET", "/hangfire/recurring", null, 200),
            new("admin", "GET", "/hangfire/jobs/enqueued", null, 200),
            new("admin", "GET", "/hangfire/servers", null, 200),
            // State-changing dashboard actions need the dashboard page's antiforgery token, which no caller here has.
            new("admin", "POST", "/hangfire/stats", "", 403),
            new("admin", "POST", "/hangfire/recurring/trigger", "jobs[]=ingest-inbox", 403),
            new("admin", "POST", "/hangfire/jobs/enqueued/delete", "jobs[]=1", 403),
        ],
        // The analyst console's pages (one shell holding no data) and files are open; its session endpoint answers
        // everyone (sign-in without the form's antiforgery token is refused with 400 whatever key is sent).
        ["/"] = [new(null, "GET", "/", null, 200)],
        ["/queue"] = [new(null, "GET", "/queue", null, 200)],
        ["/clusters"] = [new(null, "GET", "/clusters", null, 200)],
        ["/clusters/{id}"] = [new(null, "GET", "/clusters/ring-1", null, 200)],
        ["/accounts/{id}"] = [new(null, "GET", "/accounts/a1", null, 200)],
        ["/queries"] = [new(null, "GET", "/queries", null, 200)],
        ["/queries/{name}"] = [new(null, "GET", "/queries/accounts-sharing-device", null, 200)],
        ["/console/{**path}"] = [new(null, "GET", "/console/js/app.js", null, 200), new(null, "GET", "/console/index.html", null, 404)],
        ["/console/session"] =
        [
            new(null, "GET", "/console/session", null, 200),
            new(null, "POST", "/console/session", """{"key":"bg_not-a-key"}""", 400),
            new(null, "DELETE", "/console/session", null, 204),
        ],
    };

    [Fact]
    public async Task EveryRoute_AnswersEveryCaller_WithTheExactStatusOfItsRole()
    {
        using var admin = service.Client("admin");
        var triggered = await admin.PostAsJsonAsync("/v1/jobs/graph-sync/trigger", new { });
        var jobId = (await triggered.Content.ReadFromJsonAsync<JobTriggered>(Json.Options))!.JobId;
        using var document = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json"));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(
            operations.SetEquals(Documented.Keys),
            $"the document lists operations the matrix does not ({string.Join(", ", operations.Except(Documented.Keys))}) " +
            $"or the matrix lists operations the document does not ({string.Join(", ", Documented.Keys.Except(operations))})");

        var served = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .ToList();
        var unlisted = served.Where(s => !operations.Contains($"{s.Method} {s.Pattern}") && !Undocumented.ContainsKey(s.Pattern)).ToList();
        Assert.True(unlisted.Count == 0, "routes served without a place in the matrix: " + string.Join(", ", unlisted.Select(s => $"{s.Method} {s.Pattern}")));

        var probes = Documented.Values.Concat(Undocumented.Values.SelectMany(p => p))
            .Select(p => p with { Path = p.Path.Replace("{job}", jobId, StringComparison.Ordinal) })
            .ToList();
        var failures = new List<string>();
        var cases = 0;
        foreach (var probe in probes)
        {
            foreach (var caller in Callers)
            {
                var expected = ExpectedFor(probe, caller, probe.Success);
                await CheckAsync(caller, probe.Method, probe.Path, probe.Body, ContentTypeOf(probe), expected);
                if (probe.Method == "GET")
                {
                    await CheckAsync(caller, "HEAD", probe.Path, null, null, expected);
                }
                else if (probe.Body is { Length: > 0 } && probe.Path.StartsWith("/v1/", StringComparison.Ordinal))
                {
                    // The key and the role are checked before the content: the wrong media type is 415 only for a caller allowed in.
                    await CheckAsync(caller, probe.Method, probe.Path, probe.Body, "text/csv", ExpectedFor(probe, caller, 415));
                }
            }
        }

        output.WriteLine($"{cases} cases: {probes.Count} requests × {Callers.Length} callers, plus HEAD for each GET and a wrong media type for each body");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        async Task CheckAsync(string caller, string method, string path, string? body, string? contentType, int expected)
        {
            cases++;
            using var client = service.Client(caller);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, contentType ?? "application/json");
            }

            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode != expected)
            {
                failures.Add($"{method} {path} ({contentType ?? "no body"}) as {caller}: {(int)response.StatusCode}, expected {expected}");
            }
        }
    }

    private static int ExpectedFor(Probe probe, string caller, int success)
    {
        if (probe.Role is null)
        {
            return success;
        }

        var rank = Array.IndexOf(Roles, caller);
        return rank < 0 ? 401 : rank < Array.IndexOf(Roles, probe.Role) ? 403 : success;
    }

    private static string? ContentTypeOf(Probe probe) =>
        probe.Body is null ? null : probe.Path.StartsWith("/hangfire", StringComparison.Ordinal) ? "application/x-www-form-urlencoded" : "application/json";

    private sealed record Probe(string? Role, string Method, string Path, string? Body, int Success);
}
