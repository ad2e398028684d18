using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Tests.Support;

namespace BehaviorGraph.Api.Tests.Endpoints;

/// <summary>Who wrote a label is the key that sent it; label fields follow the identifier rules ingest applies.</summary>
public sealed partial class FeedbackApiTests
{
    [Fact]
    public async Task Label_IsAuthoredByTheKeysName()
    {
        using var client = service.Client("analyst");
        using var created = await PostAsync(client, """{"account":"a3","label":"abusive","note":"authorship"}""");
        var labels = await client.GetFromJsonAsync<List<LabelResponse>>("/v1/accounts/a3/labels", Json.Options);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(labels!, l => l.Note == "authorship" && l.Analyst == "analyst-test");
    }

    [Fact]
    public async Task Label_NamingItsOwnAnalyst_IsRefused_AndNothingIsStored()
    {
        using var client = service.Client("analyst");
        using var refused = await PostAsync(client, """{"account":"a3","label":"benign","analyst":"admin@corp","note":"forged"}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(Errors(await refused.Content.ReadAsStringAsync()).TryGetProperty("analyst", out _));
        var labels = await client.GetFromJsonAsync<List<LabelResponse>>("/v1/accounts/a3/labels", Json.Options);
        Assert.DoesNotContain(labels!, l => l.Analyst == "admin@corp" || l.Note == "forged");
    }

    [Theory]
    [InlineData("""{"account":"a1\u0000","label":"benign","analyst":"x"}""", "account")]
    [InlineData("""{"account":"a\u001b[2J","label":"benign","analyst":"x"}""", "account")]
    [InlineData("""{"account":"a\u0085b","label":"benign","analyst":"x"}""", "account")]
    [InlineData("""{"account":"a1","label":"benign","analyst":"x","note":"clear\u001b[2Jscreen"}""", "note")]
    [InlineData("""{"account":"a1","label":"benign","analyst":"x","note":"nul\u0000"}""", "note")]
    [InlineData("""{"account":"a1","label":"benign","analyst":"x","note":"reorder \u202Etxt.exe"}""", "note")]
    public async Task Label_WithControlCharacters_Gives400NamingTheField(string body, string field)
    {
        using var client = service.Client("analyst");
        using var response = await PostAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Errors(await response.Content.ReadAsStringAsync()).TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Label_WithAnIdOverTheIdentifierLimit_Gives400()
    {
        using var client = service.Client("analyst");
        using var response = await PostAsync(client, $$"""{"account":"{{new string('x', 257)}}","label":"benign","analyst":"x"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Errors(await response.Content.ReadAsStringAsync()).TryGetProperty("account", out _));
    }

    [Fact]
    public async Task Label_ForAnAccountTheGraphDoesNotHold_Gives404Problem()
    {
        using var client = service.Client("analyst");
        using var response = await PostAsync(client, """{"account":"nobody-here","label":"abusive"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nobody-here", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_OfAnAccountNeitherInTheGraphNorLabelled_Give404()
    {
        using var client = service.Client("analyst");
        using var response = await client.GetAsync("/v1/accounts/nobody-here/labels");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Label_WithADuplicateKey_Gives400_NotTheLastValue()
    {
        using var client = service.Client("analyst");
        using var response = await PostAsync(client, """{"account":"a1","account":"a2","label":"benign","analyst":"x"}""");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'account'", text, StringComparison.Ordinal);
        Assert.Contains("duplicate", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"account":"\ud800","label":"benign","analyst":"x"}""")]
    [InlineData("""{"account":"a1","label":"benign","note":"\udfff"}""")]
    [InlineData("""{"\ud800":"a1","label":"benign"}""")]
    public async Task Label_WithALoneSurrogate_Gives400(string body)
    {
        using var client = service.Client("analyst");
        using var response = await PostAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("System.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        client.PostAsync("/v1/labels", new StringContent(body, Encoding.UTF8, "application/json"));

    private static JsonElement Errors(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("errors").Clone();
}
