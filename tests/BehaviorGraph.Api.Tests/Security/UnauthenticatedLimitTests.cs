using System.Net;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Api.Tests.Support;
using BehaviorGraph.Core.Security;

namespace BehaviorGraph.Api.Tests.Security;

/// <summary>
/// Requests without a valid key (none, unknown, revoked) share a budget per client address and a global one, so a
/// flood that sends a new random key with every request is throttled, while keyed clients keep their own budget.
/// </summary>
public sealed partial class UnauthenticatedLimitTests
{
    [Fact]
    public async Task NewRandomKeyPerRequest_IsThrottledPerClientAddress_With429AndRetryAfter()
    {
        await using var service = await TestService.StartAsync();
        using var flood = service.Client(null);

        var (unauthorized, limited) = await FloodAsync(flood, 2000);

        using (limited)
        {
            Assert.True(limited is not null, $"{unauthorized} requests with a new random key each were answered 401 and none was throttled.");
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }

        // The same address with a valid key is not in that budget: no scoring run yet, so the lookup's own 404.
        using var keyed = service.Client(service.EnforcementKey);
        using var lookup = await keyed.GetAsync("/v1/accounts/a1/risk");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    /// <summary>Sends up to <paramref name="limit"/> requests, each with a new random key, until one is answered 429.</summary>
    internal static async Task<(int Unauthorized, HttpResponseMessage? Limited)> FloodAsync(HttpClient client, int limit)
    {
        var unauthorized = 0;
        for (var i = 0; i < limit; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/accounts/a1/risk");
            request.Headers.Add(ApiKeys.Header, ApiKeys.NewKey());
            var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (unauthorized, response);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            unauthorized++;
            response.Dispose();
        }

        return (unauthorized, null);
    }
}
