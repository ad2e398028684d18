using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Labels;
using BehaviorGraph.Scoring.Labels;

namespace BehaviorGraph.Cli.Commands.Scoring;

/// <summary>Labels files into the label store: each file's content once, and of it only the verdicts that change something.</summary>
internal static class LabelImport
{
    public static List<AccountLabel> ToLabels(IReadOnlyList<LabelFileEntry> entries, string path, DateTimeOffset at) =>
        entries.Select(e => new AccountLabel(e.Account, e.Label, "file", null, $"{Path.GetFileName(path)}:{e.Line}", at)).ToList();

    /// <summary>
    /// Imports <paramref name="file"/> unless a file of the same content was imported before (then nothing is added).
    /// Of a new file, a line whose verdict is the account's current one (in the store, or earlier in the file) adds
    /// nothing either, so an edited copy of an imported file adds only what the edit changed.
    /// </summary>
    public static async Task<(LabelFileImport Import, int Unchanged)> ImportAsync(ILabelStore store, LabelFileContent file, string path, CancellationToken cancellationToken)
    {
        var current = (await store.GetLatestAsync(cancellationToken)).ToDictionary(l => l.Account, l => l.Label, StringComparer.Ordinal);
        var changes = new List<LabelFileEntry>(file.Entries.Count);
        foreach (var entry in file.Entries)
        {
            if (!current.TryGetValue(entry.Account, out var label) || label != entry.Label)
            {
                changes.Add(entry);
                current[entry.Account] = entry.Label;
            }
        }

        var import = await store.ImportFileAsync(file.ContentHash, Path.GetFileName(path), ToLabels(changes, path, DateTimeOffset.UtcNow), cancellationToken);
        return (import, import.Imported ? file.Entries.Count - changes.Count : 0);
    }

    public static void ReportImport(LabelFileImport import, int unchanged, string path, bool json)
    {
        if (json)
        {
            return;
        }

        var name = TerminalText.Escape(Path.GetFileName(path));
        Console.Error.WriteLine(import.Imported
            ? $"bgraph: imported {import.Labels:N0} label(s) from {name}" + (unchanged > 0 ? $"; {unchanged:N0} line(s) repeat the account's current label and added nothing." : ".")
            : $"bgraph: {name} was already imported ({TerminalText.Escape(import.Source)}, {import.ImportedAt:yyyy-MM-dd HH:mm} UTC, {import.Labels:N0} label(s)): same content, nothing added.");
    }

    public static void ReportUnknown(IReadOnlyList<string> unknown, bool json)
    {
        if (unknown.Count == 0 || json)
        {
            return;
        }

        var sample = TerminalText.Escape(string.Join(", ", unknown.Take(5)));
        Console.Error.WriteLine(
            $"bgraph: warning: {unknown.Count:N0} labelled account(s) are not in the feature snapshot and were skipped (e.g. {sample}).");
    }
}
