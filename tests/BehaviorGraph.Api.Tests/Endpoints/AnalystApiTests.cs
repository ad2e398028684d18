using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Tests.Support;

namespace BehaviorGraph.Api.Tests.Endpoints;

[Collection(ServiceCollection.Name)]
public sealed class AnalystApiTests(ServiceFixture service)
{
    [Fact]
    public async Task Clusters_FilterByKindAndMinimumSize_HighestScoreFirst()
    {
        using var client = service.Client("analyst");
        var all = await client.GetFromJsonAsync<List<ClusterItem>>("/v1/clusters?minSize=1", Json.Options);
        var rings = await client.GetFromJsonAsync<List<ClusterItem>>("/v1/clusters?kind=ring", Json.Options);
        var large = await client.GetFromJsonAsync<List<ClusterItem>>("/v1/clusters?minSize=3&limit=1", Json.Options);

        Assert.Equal(["ring-1", "identity-1", "bot-1"], all!.Select(c => c.Id));
        Assert.Equal(new ClusterItem("ring-1", "ring", 3, 0.8, "3 accounts following in a chain"), Assert.Single(rings!));
        Assert.Equal("ring-1", Assert.Single(large!).Id);
    }

    [Theory]
    [InlineData("/v1/clusters?kind=cabal", "kind")]
    [InlineData("/v1/clusters?minSize=0", "minSize")]
    [InlineData("/v1/clusters?limit=5000", "limit")]
    [InlineData("/v1/accounts/a1/neighborhood?depth=3", "depth")]
    [InlineData("/v1/accounts/a1/neighborhood?limit=0", "limit")]
    public async Task Parameters_OutOfRange_Give400NamingTheParameter(string path, string parameter)
    {
        using var client = service.Client("analyst");
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Cluster_ReturnsMembers_AndOnlyTheEdgesAmongThem()
    {
        using var client = service.Client("analyst");
        var cluster = await client.GetFromJsonAsync<ClusterDetail>("/v1/clusters/ring-1", Json.Options);

        Assert.Equal(["a1", "a2", "a3"], cluster!.Members);
        Assert.Equal(0.67, cluster.Figures["density"]);
        // a4→a1 leaves the cluster and the device/IP edges end outside it; only the follow chain is internal.
        Assert.Equal(["a1→a2 follow", "a2→a3 follow"], cluster.Edges.Select(e => $"{e.Source}→{e.Target} {e.Type}").Order());
        Assert.False(cluster.EdgesTruncated);
    }

    [Fact]
    public async Task Cluster_Returns404_WhenUnknown()
    {
        using var client = service.Client("analyst");
        using var response = await client.GetAsync("/v1/clusters/nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Neighborhood_Depth1_HoldsTheAccountsDirectNeighbours()
    {
        using var client = service.Client("analyst");
        var hood = await client.GetFromJsonAsync<Neighborhood>("/v1/accounts/a1/neighborhood?depth=1", Json.Options);

        Assert.Equal(
            ["0:a1:account", "1:10.0.0.1:ip", "1:a2:account", "1:a4:account", "1:d1:device"],
            hood!.Nodes.Select(n => $"{n.Hop}:{n.Key}:{n.Kind}").Order(StringComparer.Ordinal));
        Assert.Equal(4, hood.Edges.Count);
        Assert.False(hood.Truncated);
    }

    [Fact]
    public async Task Neighborhood_Depth2_ReachesTwoHops()
    {
        using var client = service.Client("analyst");
        var hood = await client.GetFromJsonAsync<Neighborhood>("/v1/accounts/a1/neighborhood?depth=2", Json.Options);

        Assert.Equal(["10.0.0.2", "10.0.0.4", "a3", "d2"], hood!.Nodes.Where(n => n.Hop == 2).Select(n => n.Key).Order(StringComparer.Ordinal));
        Assert.Equal(10, hood.Edges.Count);
    }

    [Fact]
    public async Task Neighborhood_Returns404_ForAnAccountNotInTheGraph()
    {
        using var client = service.Client("analyst");
        using var response = await client.GetAsync("/v1/accounts/ghost/neighborhood");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Queries_AreListed_WithTypedParameters()
    {
        using var client = service.Client("analyst");
        using var queries = JsonDocument.Parse(await client.GetStringAsync("/v1/queries"));
        var names = queries.RootElement.EnumerateArray().Select(q => q.GetProperty("name").GetString()).ToList();
        Assert.Equal(["accounts-sharing-device", "accounts-sharing-ip", "top-risk-in-cluster", "recent-quarantine"], names);
        var parameters = queries.RootElement[0].GetProperty("parameters").EnumerateArray()
            .Select(p => $"{p.GetProperty("name").GetString()}:{p.GetProperty("type").GetString()}:{p.GetProperty("required").GetBoolean()}").ToList();
        Assert.Equal(["account:string:True", "limit:integer:False"], parameters);
    }

    [Fact]
    public async Task AccountsSharingDevice_FindsTheOtherAccountsOnD1()
    {
        using var client = service.Client("analyst");
        using var response = await client.PostAsJsonAsync("/v1/queries/accounts-sharing-device", new { account = "a1" });
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = result.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("account").GetString()}@{r.GetProperty("device").GetString()}x{r.GetProperty("events").GetInt64()}").ToList();
        Assert.Equal(["a2@d1x2", "a3@d1x1"], rows);
    }

    [Fact]
    public async Task TopRiskInCluster_OrdersMembersByScore()
    {
        using var client = service.Client("analyst");
        using var response = await client.PostAsJsonAsync("/v1/queries/top-risk-in-cluster", new { cluster = "bot-1", limit = 5 });
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // a4 is in bot-1 but has no score, so the join leaves only a1.
        Assert.Equal(["a1"], result.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("account").GetString()));
    }

    [Fact]
    public async Task RecentQuarantine_ShowsTheRowWithTheBadTimestamp()
    {
        using var client = service.Client("analyst");
        using var response = await client.PostAsJsonAsync("/v1/queries/recent-quarantine", new { limit = 1000 });
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains(
            result.RootElement.GetProperty("rows").EnumerateArray(),
            r => r.GetProperty("source").GetString() == "fixture.csv" && r.GetProperty("reason").GetString()!.StartsWith("invalid_timestamp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("accounts-sharing-device", """{}""", "account")]
    [InlineData("accounts-sharing-device", """{"account":7}""", "account")]
    [InlineData("accounts-sharing-device", """{"account":"a1","limit":0}""", "limit")]
    [InlineData("accounts-sharing-device", """{"account":"a1","sql":"DROP TABLE nodes"}""", "sql")]
    [InlineData("recent-quarantine", """{"limit":"ten"}""", "limit")]
    public async Task Query_WithBadParameters_Gives400NamingTheParameter(string name, string body, string parameter)
    {
        using var client = service.Client("analyst");
        using var response = await client.PostAsync($"/v1/queries/{name}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Query_Returns404_WhenUnknown()
    {
        using var client = service.Client("analyst");
        using var response = await client.PostAsJsonAsync("/v1/queries/select-star", new { });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
