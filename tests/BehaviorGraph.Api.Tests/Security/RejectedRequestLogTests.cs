using System.Net;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Api.Tests.Support;
using BehaviorGraph.Core.Security;

namespace BehaviorGraph.Api.Tests.Security;

/// <summary>Refused requests (401, 403, 429) do not write a log line each: a flood must not fill the disk.</summary>
public sealed partial class RejectedRequestLogTests
{
    [Fact]
    public async Task RejectedRequests_DoNotWriteALogLineEach()
    {
        var logs = new CapturedLogs();
        await using var service = await TestService.StartAsync(logs: logs);
        var before = logs.Lines.Count;

        var sent = await SendRejectedAsync(service, unauthenticated: 200, forbidden: 50);

        var written = logs.Lines.Skip(before).ToList();
        Assert.True(
            written.Count <= 3,
            $"{written.Count} log lines for {sent} refused requests, e.g.: " + string.Join(" | ", written.Take(6).Select(l => $"{l.Category}: {l.Message}")));
    }

    /// <summary>Unauthenticated requests with a new random key each (401, then 429) and enforcement requests to /metrics (403).</summary>
    private static async Task<int> SendRejectedAsync(TestService service, int unauthenticated, int forbidden)
    {
        using var anonymous = service.Client(null);
        using var enforcement = service.Client(service.EnforcementKey);
        for (var i = 0; i < unauthenticated; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/clusters");
            request.Headers.Add(ApiKeys.Header, ApiKeys.NewKey());
            using var response = await anonymous.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"{response.StatusCode}");
        }

        for (var i = 0; i < forbidden; i++)
        {
            using var response = await enforcement.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        return unauthenticated + forbidden;
    }
}
