using System.Net;
using System.Text;
using BehaviorGraph.Api.Tests.Support;

namespace BehaviorGraph.Api.Tests.Security;

/// <summary>Every endpoint × every caller: no key and unknown or revoked keys get 401, roles below the endpoint's 403, the rest succeed.</summary>
[Collection(ServiceCollection.Name)]
public sealed class RoleMatrixTests(ServiceFixture service)
{
    private static readonly string[] Roles = ["enforcement", "analyst", "admin"];

    public static TheoryData<string, string, string?, string, int> Endpoints => new()
    {
        { "GET", "/v1/accounts/a1/risk", null, "enforcement", 200 },
        { "POST", "/v1/accounts/risk:batch", """{"accounts":["a1","a2"]}""", "enforcement", 200 },
        { "GET", "/openapi/v1.json", null, "enforcement", 200 },
        { "GET", "/v1/clusters", null, "analyst", 200 },
        { "GET", "/v1/clusters/ring-1", null, "analyst", 200 },
        { "GET", "/v1/accounts/a1/neighborhood", null, "analyst", 200 },
        { "GET", "/v1/queries", null, "analyst", 200 },
        { "POST", "/v1/queries/recent-quarantine", "{}", "analyst", 200 },
        { "POST", "/v1/labels", """{"account":"a3","label":"benign","analyst":"matrix","note":"role matrix"}""", "analyst", 201 },
        { "GET", "/v1/accounts/a1/labels", null, "analyst", 200 },
        { "POST", "/v1/jobs/score/trigger", "{}", "admin", 202 },
        { "POST", "/v1/events", """[{"event_id":"m1","ts":"2026-02-01T00:00:00Z","type":"login","actor":"a9"}]""", "admin", 200 },
        { "GET", "/metrics", null, "admin", 200 },
        { "GET", "/hangfire", null, "admin", 200 },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_AnswersEachCaller_ByRole(string method, string path, string? body, string minimumRole, int success)
    {
        foreach (var anonymous in new[] { "none", "unknown", "revoked" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(anonymous, method, path, body));
        }

        var minimum = Array.IndexOf(Roles, minimumRole);
        for (var i = 0; i < Roles.Length; i++)
        {
            var expected = i < minimum ? HttpStatusCode.Forbidden : (HttpStatusCode)success;
            Assert.True(expected == await SendAsync(Roles[i], method, path, body), $"{method} {path} as {Roles[i]} should answer {(int)expected}");
        }
    }

    [Fact]
    public async Task Health_IsOpen_WithoutKey()
    {
        Assert.Equal(HttpStatusCode.OK, await SendAsync("none", "GET", "/health", null));
    }

    [Fact]
    public async Task Unauthorized_IsProblemDetails_AndNamesTheHeader()
    {
        using var client = service.Client("none");
        using var response = await client.GetAsync("/v1/accounts/a1/risk");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync());
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
    }

    private async Task<HttpStatusCode> SendAsync(string role, string method, string path, string? body)
    {
        using var client = service.Client(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
