using System.Text.Json;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// A JSON array of events (the <c>POST /v1/events</c> body) turned into JSON Lines, so the JSON Lines reader validates
/// and quarantines its items like the lines of a file.
/// </summary>
public static class JsonEventArray
{
    /// <summary>Whether the body's first character other than JSON white space is <c>[</c>.</summary>
    public static bool IsArray(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'[';
            }
        }

        return false;
    }

    /// <summary>
    /// Each array element becomes one JSON Lines row holding the element's own bytes (its line breaks, which JSON allows
    /// only between tokens, made spaces), so the JSON Lines reader validates and quarantines it like a line of a file:
    /// an element that is no event object, has a lone surrogate escape or is not UTF-8 costs only itself, and its
    /// quarantine line is its 1-based position in the array. Only an array whose structure is broken is refused whole
    /// (false, with the parser's reason).
    /// </summary>
    public static bool TryToJsonLines(ReadOnlySpan<byte> body, out ReadOnlyMemory<byte> lines, out string? error)
    {
        var output = new MemoryStream(body.Length + 16);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var element = body[start..(int)reader.BytesConsumed];
                var line = element.ToArray();
                line.AsSpan().Replace((byte)'\n', (byte)' ');
                line.AsSpan().Replace((byte)'\r', (byte)' ');
                output.Write(line);
                output.WriteByte((byte)'\n');
            }

            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            lines = default;
            error = ex.Message;
            return false;
        }

        lines = output.GetBuffer().AsMemory(0, (int)output.Length);
        error = null;
        return true;
    }
}
