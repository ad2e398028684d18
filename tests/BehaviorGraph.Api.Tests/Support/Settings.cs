using System.Globalization;

namespace BehaviorGraph.Api.Tests.Support;

/// <summary>Settings as configuration entries (<c>BehaviorGraph:Service:Key</c>), the way the service receives them.</summary>
internal static class Settings
{
    public static KeyValuePair<string, string?> Service(string key, object value) => new($"BehaviorGraph:Service:{key}", Text(value));

    public static KeyValuePair<string, string?> Jobs(string key, object value) => new($"BehaviorGraph:Jobs:{key}", Text(value));

    private static string? Text(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
