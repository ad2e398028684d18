using System.Text.Json;

namespace BehaviorGraph.Api.Tests.Support;

internal static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
