using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Scoring.Labels;

/// <summary>
/// Reads a labels CSV: <c>account,label</c> per line, label <c>abusive</c> or <c>benign</c> (any case), an optional
/// <c>account,label</c> header, blank lines ignored. Any other label word stops the read with the line number.
/// </summary>
public static class LabelFile
{
    public static IReadOnlyList<LabelFileEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new LabelFileException($"Labels file '{path}' does not exist.");
        }

        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    public static IReadOnlyList<LabelFileEntry> Parse(TextReader reader, string name)
    {
        var entries = new List<LabelFileEntry>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length < 2)
            {
                throw new LabelFileException($"{name} line {lineNumber}: expected 'account,label', got '{line}'.");
            }

            var account = Unquote(fields[0]);
            var word = Unquote(fields[1]);
            if (lineNumber == 1 && account.Equals("account", StringComparison.OrdinalIgnoreCase) && word.Equals("label", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (account.Length == 0)
            {
                throw new LabelFileException($"{name} line {lineNumber}: the account is empty.");
            }

            LabelKind label = word.ToLowerInvariant() switch
            {
                "abusive" => LabelKind.Abusive,
                "benign" => LabelKind.Benign,
                _ => throw new LabelFileException(
                    $"{name} line {lineNumber}: unknown label '{word}' for account '{account}'; use abusive or benign."),
            };
            entries.Add(new LabelFileEntry(account, label, lineNumber));
        }

        if (entries.Count == 0)
        {
            throw new LabelFileException($"{name} holds no labels.");
        }

        return entries;
    }

    private static string Unquote(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1].Trim() : trimmed;
    }
}
