using System.Globalization;
using System.Text;

namespace BehaviorGraph.Ingest.Tests.Properties;

/// <summary>Writes a row's fields as a CSV line or a JSON object the way producers vary them: quoting, padding, escapes, key case and order.</summary>
internal static class Rendering
{
    public static readonly string[] Columns = ["event_id", "ts", "type", "actor", "target", "target_kind", "value", "device", "ip", GoodEvents.Note];

    public static string[] CsvCells(Random rng, IReadOnlyDictionary<string, string?> fields, string[] columns) =>
        columns.Select(c => CsvCell(rng, fields.GetValueOrDefault(c))).ToArray();

    public static string CsvCell(Random rng, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return rng.Next(5) switch { 0 => "\"\"", 1 => " ", _ => "" };
        }

        if (text.Contains(',') || text.Contains('"') || rng.Next(5) == 0)
        {
            return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return rng.Next(8) == 0 ? " " + text + "\t" : text;
    }

    public static string CsvHeader(Random rng, string[] columns) =>
        string.Join(',', columns.Select(c => rng.Next(4) == 0 ? c.ToUpperInvariant() : rng.Next(6) == 0 ? " " + c : c));

    /// <summary>The object's members as <c>"key":value</c> texts, in random order, keys in random case.</summary>
    public static List<string> JsonMembers(Random rng, IReadOnlyDictionary<string, string?> fields)
    {
        var members = new List<string>();
        foreach (var (key, text) in fields)
        {
            if (text is null)
            {
                if (rng.Next(4) == 0)
                {
                    members.Add(JsonKey(rng, key) + ":null");
                }

                continue;
            }

            members.Add(JsonKey(rng, key) + ":" + JsonValue(rng, key, text));
        }

        if (rng.Next(5) == 0)
        {
            members.Add("\"extra\":" + rng.Next(3) switch { 0 => "{\"a\":[1,2,{\"b\":null}]}", 1 => "[true,false]", _ => "\"x\"" });
        }

        return members.OrderBy(_ => rng.Next()).ToList();
    }

    public static string JsonLine(Random rng, IEnumerable<string> members)
    {
        var gap = rng.Next(4) == 0 ? " " : "";
        return "{" + gap + string.Join("," + gap, members) + gap + "}";
    }

    public static string JsonKey(Random rng, string key) =>
        JsonString(rng, rng.Next(4) switch { 0 => key.ToUpperInvariant(), 1 => char.ToUpperInvariant(key[0]) + key[1..], _ => key });

    public static string JsonValue(Random rng, string key, string text)
    {
        var isNumber = (key is "ts" or "value") && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && text.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or 'E' or 'e' or '+') && !text.StartsWith('.') && !text.StartsWith("-.", StringComparison.Ordinal)
            && !text.EndsWith('.');
        return isNumber && rng.Next(2) == 0 ? text : JsonString(rng, text);
    }

    /// <summary>A JSON string: quotes, backslashes and control characters escaped; other characters escaped at random.</summary>
    public static string JsonString(Random rng, string text)
    {
        var s = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' || c == '\\')
            {
                s.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                s.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else if (char.IsHighSurrogate(c))
            {
                if (rng.Next(3) == 0)
                {
                    s.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}\\u{(int)text[i + 1]:x4}");
                }
                else
                {
                    s.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (rng.Next(10) == 0)
            {
                s.Append(c == '/' ? "\\/" : $"\\u{(int)c:X4}");
            }
            else
            {
                s.Append(c);
            }
        }

        return s.Append('"').ToString();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
