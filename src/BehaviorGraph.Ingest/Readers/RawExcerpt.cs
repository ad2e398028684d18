using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// The raw text kept for a quarantined line: at most <see cref="QuarantinedRow.MaxRawLength"/> characters of it,
/// decoded as UTF-8 with every byte that is not UTF-8 written as <c>\xHH</c> (never replaced by U+FFFD, so the
/// excerpt shows what the line held).
/// </summary>
internal static class RawExcerpt
{
    public static string Of(ReadOnlySpan<byte> line, bool truncated = false)
    {
        const int max = QuarantinedRow.MaxRawLength;
        if (!truncated && line.Length <= max && Utf8.IsValid(line))
        {
            return Encoding.UTF8.GetString(line);
        }

        var builder = new StringBuilder(Math.Min(line.Length, max) + 16);
        Span<char> chars = stackalloc char[2];
        var rest = line;
        while (!rest.IsEmpty && builder.Length < max)
        {
            var status = Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            if (status == OperationStatus.Done)
            {
                builder.Append(chars[..rune.EncodeToUtf16(chars)]);
            }
            else if (status == OperationStatus.NeedMoreData && truncated && consumed == rest.Length)
            {
                break; // the excerpt ends inside a character that the line goes on to complete
            }
            else
            {
                for (var i = 0; i < consumed; i++)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\x{rest[i]:X2}");
                }
            }

            rest = rest[consumed..];
        }

        if (builder.Length > max)
        {
            builder.Length = char.IsHighSurrogate(builder[max - 1]) ? max - 1 : max;
        }

        return builder.ToString();
    }

    /// <summary>The excerpt of a decoded line (already valid text), never cut inside a surrogate pair.</summary>
    public static string Of(ReadOnlySpan<char> line)
    {
        const int max = QuarantinedRow.MaxRawLength;
        if (line.Length <= max)
        {
            return line.ToString();
        }

        return line[..(char.IsHighSurrogate(line[max - 1]) ? max - 1 : max)].ToString();
    }
}
