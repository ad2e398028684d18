using System.Globalization;
using System.Text;

namespace BehaviorGraph.Core.Events;

/// <summary>
/// What every identifier (account, content, device, IP, event id) must be, wherever it enters: an event file, the
/// events endpoint or a label. One rule set, so an id accepted in one place is accepted in all.
/// </summary>
/// <remarks>
/// An identifier names a node of an abuse graph, so two ids that look the same to an analyst must be the same id, and
/// an id must not change how the text around it is shown. Hence, besides the length limit, an id holds none of:
/// <list type="bullet">
/// <item>control characters (U+0000-U+001F, U+007F-U+009F): <see cref="ControlCharactersCode"/>;</item>
/// <item>bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), which reorder the text
/// shown around them: <see cref="BidiControlCode"/>;</item>
/// <item>invisible characters: every other format character (Unicode category Cf: zero-width space, joiners, word
/// joiner, soft hyphen, a byte-order mark inside a field, tag characters, ...), spaces and separators other than
/// the ASCII space (no-break and ideographic spaces, U+2028, U+2029), Hangul fillers, the braille blank, the
/// combining grapheme joiner, variation selectors and Mongolian free variation selectors:
/// <see cref="InvisibleCharactersCode"/>;</item>
/// <item>text that was never valid Unicode: a lone UTF-16 surrogate, or U+FFFD, the mark an earlier decoder left
/// where it met bytes it could not read (two different damaged ids would otherwise merge into one):
/// <see cref="InvalidEncodingCode"/>.</item>
/// </list>
/// Letters of every script, digits, punctuation, symbols and the ASCII space inside an id are kept as they are.
/// </remarks>
public static class IdentifierRules
{
    public const int MaxLength = 256;

    public const string IdTooLongCode = "id_too_long";
    public const string ControlCharactersCode = "control_characters";
    public const string BidiControlCode = "bidi_control";
    public const string InvisibleCharactersCode = "invisible_characters";
    public const string InvalidEncodingCode = "invalid_encoding";

    /// <summary>
    /// Null when <paramref name="id"/> (already trimmed, not empty) is acceptable; otherwise the reason as
    /// <c>code: explanation</c>, naming <paramref name="field"/>.
    /// </summary>
    public static string? Violation(ReadOnlySpan<char> id, string field)
    {
        if (id.Length > MaxLength)
        {
            return $"{IdTooLongCode}: {field} is {id.Length} characters, the limit is {MaxLength}";
        }

        // Printable ASCII is the common case and needs no closer look.
        var first = id.IndexOfAnyExceptInRange(' ', '~');
        return first < 0 ? null : SlowViolation(id, first, field);
    }

    private static string? SlowViolation(ReadOnlySpan<char> id, int start, string field)
    {
        for (var i = start; i < id.Length; i++)
        {
            var c = id[i];
            if (c is >= ' ' and <= '~')
            {
                continue;
            }

            int scalar = c;
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                scalar = char.ConvertToUtf32(c, id[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"{InvalidEncodingCode}: {field} contains a lone UTF-16 surrogate U+{(int)c:X4}, which is no character";
            }

            var problem = Classify(scalar);
            if (problem is not null)
            {
                return $"{problem}: {field} contains U+{scalar:X4}{Explain(problem)}";
            }
        }

        return null;
    }

    private static string? Classify(int scalar)
    {
        if (scalar < 0x20 || scalar is >= 0x7F and <= 0x9F)
        {
            return ControlCharactersCode;
        }

        if (scalar == 0xFFFD)
        {
            return InvalidEncodingCode;
        }

        if (scalar is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
        {
            return BidiControlCode;
        }

        if (scalar is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F) or 0x2800 or 0x3164
            or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xE0100 and <= 0xE01EF))
        {
            return InvisibleCharactersCode;
        }

        return Rune.GetUnicodeCategory(new Rune(scalar)) switch
        {
            UnicodeCategory.Control => ControlCharactersCode,
            UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => InvisibleCharactersCode,
            _ => null,
        };
    }

    private static string Explain(string code) => code switch
    {
        ControlCharactersCode => ", a control character",
        BidiControlCode => ", a bidirectional control that reorders the text shown around it",
        InvisibleCharactersCode => ", an invisible character (ids that look alike must be alike)",
        _ => ", the replacement character an earlier decoder left for bytes it could not read",
    };
}
