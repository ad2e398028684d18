using System.Net;
using System.Text.RegularExpressions;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Api.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BehaviorGraph.Api.Tests.Security;

/// <summary>
/// The dashboard is reached through a proxy that adds the admin key, so the browser of anyone behind it carries the
/// key: its state-changing actions must refuse requests another site makes that browser send.
/// </summary>
public sealed class DashboardCrossSiteTests
{
    private const string Schedules = """{ "schedules": [ { "id": "sync", "job": "graph-sync", "cron": "0 0 1 1 *", "queue": "default" } ] }""";

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Referer", "http://evil.example/page.html")]
    public async Task CrossSitePost_WithTheAdminKey_IsRefused_AndTriggersNothing(string header, string value)
    {
        await using var service = await TestService.StartAsync(schedules: Schedules);
        using var client = service.Client(service.AdminKey);
        using var request = TriggerRequest();
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(LastJobOf(service, "sync"));
    }

    [Fact]
    public async Task SameOriginPost_WithoutTheDashboardsToken_IsRefused()
    {
        await using var service = await TestService.StartAsync(schedules: Schedules);
        using var client = service.Client(service.AdminKey);
        using var request = TriggerRequest();
        request.Headers.TryAddWithoutValidation("Origin", service.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(LastJobOf(service, "sync"));
    }

    [Fact]
    public async Task DashboardButton_SameOriginWithThePagesToken_TriggersTheJob()
    {
        await using var service = await TestService.StartAsync(schedules: Schedules);
        using var client = service.Client(service.AdminKey);

        // What the dashboard page does: its HTML carries the token and the header to send it in (the cookie half of
        // the pair is set by the same response), and its script posts with both, from the page's own origin.
        var page = await client.GetStringAsync("/hangfire/recurring");
        var headerName = Regex.Match(page, "<meta name=\"csrf-header\" content=\"([^\"]+)\"").Groups[1].Value;
        var token = Regex.Match(page, "<meta name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        using var request = TriggerRequest();
        request.Headers.TryAddWithoutValidation("Origin", service.BaseAddress.GetLeftPart(UriPartial.Authority));
        if (headerName.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(headerName, token);
        }

        using var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.NotNull(LastJobOf(service, "sync"));
    }

    [Fact]
    public async Task CrossSiteGet_OfADashboardPage_IsAnsweredButChangesNothing()
    {
        await using var service = await TestService.StartAsync(schedules: Schedules);
        using var client = service.Client(service.AdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        request.Headers.TryAddWithoutValidation("Origin", "http://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(LastJobOf(service, "sync"));
    }

    private static HttpRequestMessage TriggerRequest() => new(HttpMethod.Post, "/hangfire/recurring/trigger")
    {
        Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", "sync")]),
    };

    private static string? LastJobOf(TestService service, string recurringId)
    {
        using var connection = service.Services.GetRequiredService<JobStorage>().GetConnection();
        return Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Single(r => r.Id == recurringId).LastJobId;
    }
}
