using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Ingest.Validation;

/// <summary>Lower-cases a type and returns the shared instance for known types, so a million rows share a few strings.</summary>
internal static class EventTypeNames
{
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Known =
        EventTypes.Known.ToDictionary(t => t, t => t, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Normalize(ReadOnlySpan<char> type) =>
        Known.TryGetValue(type, out var known) ? known : type.ToString().ToLowerInvariant();
}
