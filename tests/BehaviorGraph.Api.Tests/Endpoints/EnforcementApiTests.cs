using System.Net;
using System.Net.Http.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Tests.Support;

namespace BehaviorGraph.Api.Tests.Endpoints;

[Collection(ServiceCollection.Name)]
public sealed class EnforcementApiTests(ServiceFixture service)
{
    [Fact]
    public async Task Risk_ReturnsScoreDecisionReasonsAndClusters_OfTheLatestRun()
    {
        using var client = service.Client("enforcement");
        var risk = await client.GetFromJsonAsync<RiskResponse>("/v1/accounts/a1/risk", Json.Options);

        Assert.NotNull(risk);
        Assert.Equal("a1", risk.Account);
        Assert.Equal(0.95, risk.Score);
        Assert.Equal("block", risk.Decision);
        Assert.Equal(new Thresholds(0.55, 0.92), risk.Thresholds);
        var reason = Assert.Single(risk.Reasons);
        Assert.Equal(new Reason("SHARED_DEVICE", 3, 1.25, "uses a device shared by 3 accounts"), reason);
        Assert.Equal(
            [new ClusterSummary("ring-1", "ring", 3, 0.8), new ClusterSummary("identity-1", "identity", 3, 0.5), new ClusterSummary("bot-1", "bot", 2, 0.3)],
            risk.Clusters);
        Assert.Equal(TestData.ModelVersion, risk.ModelVersion);
        Assert.Equal(service.ScoringRunId, risk.RunId);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), risk.ScoredAt);
    }

    [Fact]
    public async Task Risk_Returns404Problem_ForAnAccountTheRunDoesNotHold()
    {
        using var client = service.Client("enforcement");
        using var response = await client.GetAsync("/v1/accounts/a4/risk");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("a4", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Batch_ReturnsKnownAccounts_AndListsMissingOnes()
    {
        using var client = service.Client("enforcement");
        using var response = await client.PostAsJsonAsync("/v1/accounts/risk:batch", new { accounts = new[] { "a2", "nobody", "a3", "a2" } });
        var batch = await response.Content.ReadFromJsonAsync<BatchRiskResponse>(Json.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["a2", "a3"], batch!.Results.Select(r => r.Account));
        Assert.Equal(["review", "allow"], batch.Results.Select(r => r.Decision));
        Assert.Equal(["nobody"], batch.Missing);
    }

    [Fact]
    public async Task Batch_Accepts1000Ids_AndRejects1001With400()
    {
        using var client = service.Client("enforcement");
        using var ok = await client.PostAsJsonAsync("/v1/accounts/risk:batch", new { accounts = Enumerable.Range(0, 1000).Select(i => $"x{i}").ToArray() });
        using var tooMany = await client.PostAsJsonAsync("/v1/accounts/risk:batch", new { accounts = Enumerable.Range(0, 1001).Select(i => $"x{i}").ToArray() });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("At most 1000", await tooMany.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Batch_Rejects_AnEmptyList()
    {
        using var client = service.Client("enforcement");
        using var response = await client.PostAsJsonAsync("/v1/accounts/risk:batch", new { accounts = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
