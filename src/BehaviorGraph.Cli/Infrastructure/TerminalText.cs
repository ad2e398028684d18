using BehaviorGraph.Cli.Infrastructure;
using System.Globalization;
using System.Text;

namespace BehaviorGraph.Cli.Infrastructure;

/// <summary>
/// Makes text that came from outside (ids, notes, evidence, quarantined rows, file names, error messages) safe to
/// print: every character a terminal would act on or that hides or reorders text is shown as <c>\uXXXX</c> instead
/// of being sent — C0 and C1 controls (ESC, NUL, CSI, line breaks), DEL, format characters (bidi embeddings,
/// overrides and isolates, zero-width characters, BOM), line and paragraph separators and unpaired surrogates.
/// Everything bgraph prints from data goes through here.
/// </summary>
internal static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (IsUnsafe(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary><see cref="Escape"/>, then Spectre markup escaping, for text placed in markup or table cells.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Escape(text));

    /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/>, escaped, with an ellipsis when cut.</summary>
    public static string Excerpt(string? text, int max)
    {
        var value = text ?? "";
        return value.Length <= max ? Escape(value) : Escape(value[..max]) + "…";
    }

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
