using System.Text.Json;

namespace BehaviorGraph.Neo4j.Tests.Support;

internal sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, string? Accept, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
