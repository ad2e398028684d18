using System.Globalization;
using System.Text;

namespace BehaviorGraph.Ingest.Validation;

/// <summary>
/// Input text as it may appear inside a reason or an error message: at most a few dozen characters, with control,
/// format (bidi, zero-width), separator and lone surrogate characters written as <c>\uXXXX</c>, so a stored reason
/// printed to a terminal shows what the input held instead of acting on it.
/// </summary>
internal static class DisplayText
{
    public const int DefaultMax = 40;

    public static string Of(ReadOnlySpan<char> text, int max = DefaultMax)
    {
        var cut = text.Length > max;
        var shown = cut ? text[..max] : text;
        if (!cut && shown.IndexOfAnyExceptInRange(' ', '~') < 0)
        {
            return shown.ToString();
        }

        var builder = new StringBuilder(shown.Length + 8);
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, shown[i + 1]);
                if (NeedsEscape(Rune.GetUnicodeCategory(new Rune(scalar))))
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\U{scalar:X8}");
                }
                else
                {
                    builder.Append(c).Append(shown[i + 1]);
                }

                i++;
            }
            else if (NeedsEscape(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return cut ? builder.Append('…').ToString() : builder.ToString();
    }

    private static bool NeedsEscape(char c) => NeedsEscape(char.GetUnicodeCategory(c));

    private static bool NeedsEscape(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.SpaceSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
