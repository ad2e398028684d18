namespace BehaviorGraph.Ingest;

/// <summary>Which files are event files: the extensions ingest reads, and how a folder of them is listed.</summary>
public static class EventFiles
{
    private static readonly HashSet<string> JsonLinesExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jsonl", ".ndjson", ".json" };
    private static readonly HashSet<string> Extensions = new(JsonLinesExtensions, StringComparer.OrdinalIgnoreCase) { ".csv" };

    /// <summary>Whether the name's extension marks JSON Lines (otherwise CSV, or decide by content).</summary>
    public static bool IsJsonLines(string path) => JsonLinesExtensions.Contains(Path.GetExtension(path));

    /// <summary>
    /// The event files directly in <paramref name="directory"/>, in ordinal name order. Dot-files are left out: writers
    /// write under a dot-name and rename when the file is complete.
    /// </summary>
    public static IReadOnlyList<string> InDirectory(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(f => Extensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
