using BehaviorGraph.Core.Labels;
using BehaviorGraph.Scoring.Labels;

namespace BehaviorGraph.Cli.Commands.Scoring;

internal static class LabelImport
{
    public static List<AccountLabel> ToLabels(IReadOnlyList<LabelFileEntry> entries, string path, DateTimeOffset at) =>
        entries.Select(e => new AccountLabel(e.Account, e.Label, "file", null, $"{Path.GetFileName(path)}:{e.Line}", at)).ToList();

    public static void ReportUnknown(IReadOnlyList<string> unknown, bool json)
    {
        if (unknown.Count == 0 || json)
        {
            return;
        }

        var sample = string.Join(", ", unknown.Take(5));
        Console.Error.WriteLine(
            $"bgraph: warning: {unknown.Count:N0} labelled account(s) are not in the feature snapshot and were skipped (e.g. {sample}).");
    }
}
