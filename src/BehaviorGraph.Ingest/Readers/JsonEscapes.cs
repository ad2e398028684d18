using System.Globalization;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>Checks the escapes of a JSON string before it is unescaped.</summary>
internal static class JsonEscapes
{
    /// <summary>
    /// Whether the escaped string (its raw bytes between the quotes, escapes already checked for syntax by the reader)
    /// holds a <c>\uD800</c>-<c>\uDFFF</c> escape that is not half of a high-low pair: text no UTF-8 can hold.
    /// </summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<byte> escaped)
    {
        var pendingHigh = false;
        var i = escaped.IndexOf((byte)'\\');
        if (i < 0)
        {
            return false;
        }

        while (i < escaped.Length)
        {
            if (escaped[i] != '\\')
            {
                if (pendingHigh)
                {
                    return true;
                }

                var next = escaped[i..].IndexOf((byte)'\\');
                if (next < 0)
                {
                    return false;
                }

                i += next;
                continue;
            }

            if (i + 1 < escaped.Length && escaped[i + 1] == 'u' && i + 6 <= escaped.Length
                && int.TryParse(escaped.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                i += 6;
                var isHigh = unit is >= 0xD800 and <= 0xDBFF;
                var isLow = unit is >= 0xDC00 and <= 0xDFFF;
                if (pendingHigh)
                {
                    if (!isLow)
                    {
                        return true;
                    }

                    pendingHigh = false;
                }
                else if (isLow)
                {
                    return true;
                }
                else
                {
                    pendingHigh = isHigh;
                }

                continue;
            }

            if (pendingHigh)
            {
                return true;
            }

            i += 2;
        }

        return pendingHigh;
    }
}
