using System.Net;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Api.Tests.Support;
using BehaviorGraph.Core.Security;

namespace BehaviorGraph.Api.Tests.Security;

/// <summary>The configured budgets: global across addresses, per address, and keyed clients outside both.</summary>
public sealed partial class UnauthenticatedLimitTests
{
    [Fact]
    public async Task RequestsWithoutAKey_FromManyAddresses_MeetTheGlobalLimit()
    {
        await using var service = await TestService.StartAsync(
        [
            Settings.Service("UnauthenticatedPerAddressPerSecond", 1000),
            Settings.Service("UnauthenticatedPerAddressBurst", 1000),
            Settings.Service("UnauthenticatedGlobalPerSecond", 1),
            Settings.Service("UnauthenticatedGlobalBurst", 20),
        ]);

        // 40 addresses × 2 requests: each address far inside its own budget, the whole far over the global one.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var client = service.Client(null, IPAddress.Parse($"127.0.0.{i + 2}"));
            for (var j = 0; j < 2; j++)
            {
                using var response = await client.GetAsync("/v1/clusters");
                statuses.Add(response.StatusCode);
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.Unauthorized) <= 20 + 60, "the global bucket holds 20 and refills 1 per second");
    }

    [Fact]
    public async Task KeyedClient_KeepsItsBudget_WhileTheUnauthenticatedBudgetIsSpent()
    {
        await using var service = await TestService.StartAsync([Settings.Service("UnauthenticatedGlobalPerSecond", 1), Settings.Service("UnauthenticatedGlobalBurst", 1)]);
        using var flood = service.Client(null);
        using var keyed = service.Client(service.AnalystKey);

        var (_, limited) = await FloodAsync(flood, 200);
        limited?.Dispose();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await keyed.GetAsync("/v1/clusters");
            answers.Add(response.StatusCode);
        }

        Assert.NotNull(limited);
        Assert.All(answers, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task RevokedKey_CountsAsUnauthenticated()
    {
        await using var service = await TestService.StartAsync([Settings.Service("UnauthenticatedPerAddressPerSecond", 1), Settings.Service("UnauthenticatedPerAddressBurst", 3)]);
        var revoked = ApiKeys.NewKey();
        var now = DateTimeOffset.UtcNow;
        await service.Store.ApiKeys.AddAsync(new Core.Security.ApiKeyInfo(ApiKeys.Hash(revoked), Core.Security.ApiRole.Admin, "gone", now, now), CancellationToken.None);
        using var client = service.Client(revoked);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            using var response = await client.GetAsync("/v1/clusters");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
