using System.Text.Json;
using BehaviorGraph.Api.Tests.Support;

namespace BehaviorGraph.Api.Tests.Endpoints;

[Collection(ServiceCollection.Name)]
public sealed class OpenApiDocumentTests(ServiceFixture service)
{
    [Fact]
    public async Task OpenApiDocument_DeclaresTheApiKeyHeader_RequiredEverywhereButHealth()
    {
        using var client = service.Client("enforcement");

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.True(root.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        var paths = root.GetProperty("paths");
        Assert.Equal(0, paths.GetProperty("/health").GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.False(paths.GetProperty("/v1/accounts/{id}/risk").GetProperty("get").TryGetProperty("security", out _));
    }

    [Theory]
    [InlineData("/v1/queries/{name}", "application/json")]
    [InlineData("/v1/events", "application/json")]
    [InlineData("/v1/events", "application/x-ndjson")]
    [InlineData("/v1/labels", "application/json")]
    [InlineData("/v1/accounts/risk:batch", "application/json")]
    [InlineData("/v1/jobs/{name}/trigger", "application/json")]
    public async Task OpenApiDocument_DescribesEachRequestBody(string path, string mediaType)
    {
        using var client = service.Client("enforcement");
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var body = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");
        Assert.True(body.GetProperty("content").TryGetProperty(mediaType, out var content), $"{path} documents no {mediaType} body");
        Assert.True(content.TryGetProperty("schema", out _));
    }

    [Fact]
    public async Task OpenApiDocument_LabelBody_HasNoAnalystField()
    {
        using var client = service.Client("enforcement");
        var text = await client.GetStringAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(text);

        var schema = document.RootElement.GetProperty("paths").GetProperty("/v1/labels").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["account", "label", "note"], properties);
    }
}
