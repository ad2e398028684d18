using System.Text.Json;
using System.Text.Json.Serialization;

namespace BehaviorGraph.Cli.Infrastructure;

/// <summary>Machine output: camelCase JSON on standard output, nothing else on that stream.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
