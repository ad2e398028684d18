using System.Text.Json;
using System.Text.Json.Serialization;

namespace BehaviorGraph.Storage.Relational;

/// <summary>How JSON columns (reasons, metrics, settings, feature names) are written and read on every backend.</summary>
public static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
