using System.Security.Cryptography;
using System.Text;
using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Scoring.Labels;

/// <summary>
/// Reads a labels CSV: <c>account,label</c> per line, label <c>abusive</c> or <c>benign</c> (any case), an optional
/// <c>account,label</c> header, blank lines ignored. Accounts follow the identifier rules of events. Any other label
/// word, an account the rules refuse, or bytes that are not UTF-8 stop the read with the line number.
/// </summary>
public static class LabelFile
{
    private const int Excerpt = 60;

    public static IReadOnlyList<LabelFileEntry> Read(string path) => Load(path).Entries;

    /// <summary>The file's labels and the SHA-256 of its bytes (lower-case hex), by which an import is recorded once.</summary>
    public static LabelFileContent Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new LabelFileException($"Labels file '{path}' does not exist.");
        }

        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + bytes.AsSpan(0, Math.Clamp(ex.Index, 0, bytes.Length)).Count((byte)'\n');
            throw new LabelFileException($"{name} line {line}: the file is not UTF-8 text (byte offset {ex.Index}); a labels file is a UTF-8 CSV.", ex);
        }

        using var reader = new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text);
        return new LabelFileContent(Parse(reader, name), Convert.ToHexStringLower(SHA256.HashData(bytes)));
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
                throw new LabelFileException($"{name} line {lineNumber}: expected 'account,label', got '{Cut(line)}'.");
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

            if (IdentifierRules.Violation(account, "account") is { } violation)
            {
                throw new LabelFileException($"{name} line {lineNumber}: {violation}.");
            }

            LabelKind label = word.ToLowerInvariant() switch
            {
                "abusive" => LabelKind.Abusive,
                "benign" => LabelKind.Benign,
                _ => throw new LabelFileException(
                    $"{name} line {lineNumber}: unknown label '{Cut(word)}' for account '{account}'; use abusive or benign."),
            };
            entries.Add(new LabelFileEntry(account, label, lineNumber));
        }

        if (entries.Count == 0)
        {
            throw new LabelFileException($"{name} holds no labels.");
        }

        return entries;
    }

    /// <summary>At most <see cref="Excerpt"/> characters of a line quoted in a message (a binary file has long ones).</summary>
    private static string Cut(string text) => text.Length <= Excerpt ? text : text[..Excerpt] + "…";

    private static string Unquote(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1].Trim() : trimmed;
    }
}
