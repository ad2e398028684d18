using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Tests.Support;
using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Api.Tests.Endpoints;

[Collection(ServiceCollection.Name)]
public sealed partial class FeedbackApiTests(ServiceFixture service)
{
    [Fact]
    public async Task Label_RoundTrips_IntoTheLabelStoreThatTrainingReads()
    {
        using var client = service.Client("analyst");
        using var created = await client.PostAsJsonAsync("/v1/labels", new { account = "a2", label = "abusive", note = "ring member" });
        var labels = await client.GetFromJsonAsync<List<LabelResponse>>("/v1/accounts/a2/labels", Json.Options);
        var latest = await service.Store.Labels.GetLatestAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/v1/accounts/a2/labels", created.Headers.Location?.OriginalString);
        var label = Assert.Single(labels!);
        Assert.Equal(("a2", "abusive", "api", "analyst-test", "ring member"), (label.Account, label.Label, label.Source, label.Analyst, label.Note));
        var stored = Assert.Single(latest, l => l.Account == "a2");
        Assert.Equal((LabelKind.Abusive, "analyst-test", "api"), (stored.Label, stored.Analyst, stored.Source));
    }

    [Fact]
    public async Task Labels_OfAnUnlabelledAccount_AreEmpty()
    {
        using var client = service.Client("analyst");
        Assert.Empty((await client.GetFromJsonAsync<List<LabelResponse>>("/v1/accounts/a4/labels", Json.Options))!);
    }

    [Theory]
    [InlineData("""{"label":"abusive"}""", "account")]
    [InlineData("""{"account":"  ","label":"abusive"}""", "account")]
    [InlineData("""{"account":"a1","label":"evil"}""", "label")]
    [InlineData("""{"account":"a1","label":"1"}""", "label")]
    [InlineData("""{"account":"a1","label":"abusive,benign"}""", "label")]
    [InlineData("""{"account":"a1","label":"benign","analyst":"ana"}""", "analyst")]
    [InlineData("""{"account":"a1","label":"benign","Account":"a2"}""", "Account")]
    [InlineData("""{"account":"a1","label":["benign"]}""", "label")]
    public async Task Label_WithMissingOrBadFields_Gives400NamingTheField(string body, string field)
    {
        using var client = service.Client("analyst");
        using var response = await client.PostAsync("/v1/labels", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Label_WithMalformedJson_Gives400ProblemWithoutStackTrace()
    {
        using var client = service.Client("analyst");
        using var response = await client.PostAsync("/v1/labels", new StringContent("{\"account\":", System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
