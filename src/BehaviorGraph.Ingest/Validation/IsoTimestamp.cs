namespace BehaviorGraph.Ingest.Validation;

/// <summary>
/// The common shape of the contract's ISO-8601 times, <c>yyyy-MM-ddTHH:mm:ss[.f{1,7}](Z|±HH:mm)</c>, read without the
/// general date parser (which took half the reader's time). Answers exactly what <see cref="DateTimeOffset.TryParse(ReadOnlySpan{char}, IFormatProvider?, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>
/// answers for these texts; anything else it leaves to that parser.
/// </summary>
internal static class IsoTimestamp
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    public static bool TryParse(ReadOnlySpan<char> s, out long unixMs)
    {
        unixMs = 0;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day)
            || !TryDigits(s, 11, 2, out var hour) || !TryDigits(s, 14, 2, out var minute) || !TryDigits(s, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var pos = 19;
        long fraction = 0;
        if (s[pos] == '.')
        {
            var start = ++pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                pos++;
            }

            var digits = pos - start;
            if (digits is 0 or > 7 || !TryDigits(s, start, digits, out var value))
            {
                return false;
            }

            fraction = value;
            for (var i = digits; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        long offsetTicks;
        var rest = s[pos..];
        if (rest is "Z")
        {
            offsetTicks = 0;
        }
        else if (rest.Length == 6 && rest[0] is '+' or '-' && rest[3] == ':'
                 && TryDigits(rest, 1, 2, out var offsetHours) && TryDigits(rest, 4, 2, out var offsetMinutes)
                 && offsetHours < 14 && offsetMinutes < 60)
        {
            offsetTicks = (offsetHours * 60L + offsetMinutes) * 60 * TicksPerSecond * (rest[0] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        var utc = local - offsetTicks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        unixMs = utc / TimeSpan.TicksPerMillisecond - UnixEpochTicks / TimeSpan.TicksPerMillisecond;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return true;
    }
}
