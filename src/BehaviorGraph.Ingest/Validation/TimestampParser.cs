using System.Globalization;

namespace BehaviorGraph.Ingest.Validation;

/// <summary>
/// Parses the contract's <c>ts</c>: ISO-8601 with an explicit offset or Z, or Unix epoch seconds
/// (fractions allowed). A local time without offset is ambiguous and rejected.
/// </summary>
internal static class TimestampParser
{
    private static readonly long MinMs = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly long MaxMs = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static bool TryParse(ReadOnlySpan<char> text, out long unixMs, out string? error)
    {
        unixMs = 0;
        if (LooksNumeric(text))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
            {
                error = $"{QuarantineReasons.InvalidTimestamp}: '{DisplayText.Of(text)}' is not a valid Unix epoch in seconds";
                return false;
            }

            var ms = Math.Round(seconds * 1000d);
            if (ms < MinMs || ms >= MaxMs)
            {
                error = $"{QuarantineReasons.TimestampOutOfRange}: '{DisplayText.Of(text)}' is outside 1970..2099 when read as Unix epoch seconds";
                return false;
            }

            unixMs = (long)ms;
            error = null;
            return true;
        }

        if (IsoTimestamp.TryParse(text, out unixMs))
        {
            return InRange(text, unixMs, out error);
        }

        if (!HasOffset(text))
        {
            error = $"{QuarantineReasons.InvalidTimestamp}: '{DisplayText.Of(text)}' is not ISO-8601 with an offset or Z, nor Unix epoch seconds";
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            error = $"{QuarantineReasons.InvalidTimestamp}: '{DisplayText.Of(text)}' is not a valid ISO-8601 timestamp";
            return false;
        }

        unixMs = parsed.ToUnixTimeMilliseconds();
        return InRange(text, unixMs, out error);
    }

    private static bool InRange(ReadOnlySpan<char> text, long unixMs, out string? error)
    {
        if (unixMs < MinMs || unixMs >= MaxMs)
        {
            error = $"{QuarantineReasons.TimestampOutOfRange}: '{DisplayText.Of(text)}' is outside 1970..2099";
            return false;
        }

        error = null;
        return true;
    }

    private static bool LooksNumeric(ReadOnlySpan<char> text)
    {
        var digits = text.Length > 0 && text[0] is '-' or '+' ? text[1..] : text;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An ISO-8601 time part (after the date) that ends in Z or carries +hh:mm / -hh:mm.</summary>
    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        if (text.Length < 11)
        {
            return false;
        }

        var time = text[10..];
        return time.IndexOfAny('Z', 'z') >= 0 || time.IndexOfAny('+', '-') >= 0;
    }
}
