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
}
