using System.Net;
using System.Text;
using BehaviorGraph.Api.Tests.Support;

namespace BehaviorGraph.Api.Tests.Endpoints;

/// <summary>Malformed input gets a 4xx that says what is wrong, never a 500; the role is checked before the content.</summary>
[Collection(ServiceCollection.Name)]
public sealed class MalformedInputTests(ServiceFixture service)
{
    [Theory]
    [InlineData("recent-quarantine", """{"limit":1,"limit":2}""")]
    [InlineData("accounts-sharing-device", """{"account":"a1","account":"a2"}""")]
    [InlineData("accounts-sharing-device", """{"account":"\ud800"}""")]
    [InlineData("accounts-sharing-device", """{"account":"a1\udc00x"}""")]
    [InlineData("accounts-sharing-device", """{"\ud800":"a1"}""")]
    public async Task QueryBody_WithADuplicateKeyOrALoneSurrogate_Gives400(string query, string body)
    {
        using var client = service.Client("analyst");
        using var response = await client.PostAsync($"/v1/queries/{query}", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999999")]
    [InlineData("%E2%80%AE")]
    public async Task JobRun_WithAnIdThatIsNoJobId_Gives404(string id)
    {
        using var client = service.Client("admin");
        using var response = await client.GetAsync($"/v1/jobs/runs/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("none", "/v1/labels", HttpStatusCode.Unauthorized)]
    [InlineData("enforcement", "/v1/labels", HttpStatusCode.Forbidden)]
    [InlineData("analyst", "/v1/labels", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("none", "/v1/accounts/risk:batch", HttpStatusCode.Unauthorized)]
    [InlineData("enforcement", "/v1/accounts/risk:batch", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("enforcement", "/v1/queries/recent-quarantine", HttpStatusCode.Forbidden)]
    [InlineData("analyst", "/v1/queries/recent-quarantine", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("analyst", "/v1/jobs/score/trigger", HttpStatusCode.Forbidden)]
    [InlineData("admin", "/v1/jobs/score/trigger", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("analyst", "/v1/events", HttpStatusCode.Forbidden)]
    [InlineData("none", "/v1/events", HttpStatusCode.Unauthorized)]
    public async Task WrongMediaType_IsCheckedAfterTheKeyAndTheRole(string role, string path, HttpStatusCode expected)
    {
        using var client = service.Client(role);
        using var response = await client.PostAsync(path, new StringContent("account,label\na1,benign\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("enforcement", "/v1/accounts/a1/risk")]
    [InlineData("enforcement", "/v1/accounts/nobody/risk")]
    [InlineData("analyst", "/v1/clusters")]
    [InlineData("analyst", "/v1/clusters/ring-1")]
    [InlineData("analyst", "/v1/queries")]
    [InlineData("admin", "/metrics")]
    [InlineData("admin", "/hangfire")]
    [InlineData("none", "/health")]
    [InlineData("none", "/v1/clusters")]
    [InlineData("enforcement", "/v1/clusters")]
    public async Task Head_IsAnsweredLikeGet_WithoutABody(string role, string path)
    {
        using var client = service.Client(role);
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_OfAPostOnlyRoute_StaysMethodNotAllowed()
    {
        using var client = service.Client("analyst");
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/labels"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
    }
}
