using System.Globalization;

namespace BehaviorGraph.Jobs.Arguments;

/// <summary>Reads an already validated argument (see <see cref="JobCatalog.Validate"/>), or the record's default.</summary>
internal static class JobArgumentValues
{
    public static double Number(IReadOnlyDictionary<string, string> arguments, string name, double fallback) =>
        arguments.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static int Integer(IReadOnlyDictionary<string, string> arguments, string name, int fallback) =>
        arguments.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static string Text(IReadOnlyDictionary<string, string> arguments, string name, string fallback) =>
        arguments.TryGetValue(name, out var value) ? value : fallback;

    public static bool Flag(IReadOnlyDictionary<string, string> arguments, string name, bool fallback) =>
        arguments.TryGetValue(name, out var value) ? value == "true" : fallback;
}
