using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// Reads the JSON Lines form of the event contract: one object per line, the CSV field names as keys (matched
/// regardless of ASCII case; other keys are ignored). Each field is a string, a number or null. A line that is not
/// one JSON object, names a field twice, or escapes a lone UTF-16 surrogate is quarantined.
/// </summary>
internal sealed class JsonLinesEventRowReader(ReaderLimits limits) : IEventRowReader, IRowParser
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private char[] _chars = new char[Math.Min(limits.MaxRowBytes + 2, 4096)];
    private readonly int[] _start = new int[EventFieldNames.All.Length];
    private readonly int[] _length = new int[EventFieldNames.All.Length];

    public JsonLinesEventRowReader()
        : this(ReaderLimits.Default)
    {
    }

    public bool HasHeader => false;

    public IEnumerable<RowChunk> ReadChunks(Stream input, int chunkSize, long skipThroughLine, CancellationToken cancellationToken) =>
        LineRows.Read(input, this, limits, chunkSize, skipThroughLine, cancellationToken);

    public void ReadHeader(ReadOnlySpan<byte> line, long lineNumber) => throw new NotSupportedException("JSON Lines have no header.");

    public void ReadRow(ReadOnlySpan<byte> line, long lineNumber, RowChunkBuilder builder)
    {
        EnsureChars(line.Length);
        if (!Utf8.IsValid(line))
        {
            Utf8.ToUtf16(line, _chars, out var bytesRead, out _, replaceInvalidSequences: false);
            builder.AddQuarantined(lineNumber, CsvEventRowReader.InvalidUtf8Reason(line, bytesRead), RawExcerpt.Of(line));
            return;
        }

        var reason = ReadFields(line);
        if (reason is not null)
        {
            builder.AddQuarantined(lineNumber, reason, RawExcerpt.Of(line));
            return;
        }

        var chars = _chars.AsSpan();
        var fields = new EventFields
        {
            EventId = chars.Slice(_start[EventFieldNames.EventId], _length[EventFieldNames.EventId]),
            Ts = chars.Slice(_start[EventFieldNames.Ts], _length[EventFieldNames.Ts]),
            Type = chars.Slice(_start[EventFieldNames.Type], _length[EventFieldNames.Type]),
            Actor = chars.Slice(_start[EventFieldNames.Actor], _length[EventFieldNames.Actor]),
            Target = chars.Slice(_start[EventFieldNames.Target], _length[EventFieldNames.Target]),
            TargetKind = chars.Slice(_start[EventFieldNames.TargetKind], _length[EventFieldNames.TargetKind]),
            Value = chars.Slice(_start[EventFieldNames.Value], _length[EventFieldNames.Value]),
            Device = chars.Slice(_start[EventFieldNames.Device], _length[EventFieldNames.Device]),
            Ip = chars.Slice(_start[EventFieldNames.Ip], _length[EventFieldNames.Ip]),
        };
        var e = EventRowValidator.Validate(fields, out reason);
        if (e is null)
        {
            builder.AddQuarantined(lineNumber, reason!, RawExcerpt.Of(line));
        }
        else
        {
            builder.AddEvent(e, lineNumber, line.Length);
        }
    }

    /// <summary>Decodes the line's contract fields into the character buffer; null, or why the line is no event object.</summary>
    private string? ReadFields(ReadOnlySpan<byte> line)
    {
        Array.Clear(_length);
        var reader = new Utf8JsonReader(line, Options);
        var seen = 0;
        var write = 0;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return $"{QuarantineReasons.InvalidJson}: expected an object, got {Describe(reader.TokenType)}";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldOf(ref reader);
                reader.Read();
                if (field < 0)
                {
                    reader.Skip();
                    continue;
                }

                var name = EventFieldNames.All[field];
                if ((seen & (1 << field)) != 0)
                {
                    return $"{QuarantineReasons.DuplicateField}: the object names field '{name}' twice (keys match regardless of case); which value counts is ambiguous";
                }

                seen |= 1 << field;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String when reader.ValueIsEscaped && JsonEscapes.HasLoneSurrogate(reader.ValueSpan):
                        return $"{QuarantineReasons.InvalidEncoding}: field '{name}' escapes a lone UTF-16 surrogate, which is no character";
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        _start[field] = write;
                        _length[field] = reader.CopyString(_chars.AsSpan(write));
                        break;
                    case JsonTokenType.String or JsonTokenType.Number:
                        _start[field] = write;
                        _length[field] = Encoding.UTF8.GetChars(reader.ValueSpan, _chars.AsSpan(write));
                        break;
                    case JsonTokenType.Null:
                        break;
                    default:
                        return $"{QuarantineReasons.InvalidJson}: field '{name}' must be a string, a number or null, got {Describe(reader.TokenType)}";
                }

                write += _length[field];
            }

            // Anything but white space after the object is an error the reader reports here.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            return $"{QuarantineReasons.InvalidJson}: {FirstSentence(ex.Message)}";
        }

        return null;
    }

    private static int FieldOf(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return EventFieldNames.IndexOf(reader.ValueSpan);
        }

        if (reader.ValueSpan.Length > 96 || JsonEscapes.HasLoneSurrogate(reader.ValueSpan))
        {
            return -1;
        }

        Span<byte> name = stackalloc byte[96];
        return EventFieldNames.IndexOf(name[..reader.CopyString(name)]);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return DisplayText.Of(end < 0 ? message : message[..end], 200);
    }

    /// <summary>Grows the character buffer to hold a line of <paramref name="bytes"/> UTF-8 bytes (never more characters than bytes).</summary>
    private void EnsureChars(int bytes)
    {
        if (_chars.Length < bytes + 2)
        {
            _chars = new char[Math.Min(limits.MaxRowBytes + 2, Math.Max(bytes + 2, 2 * _chars.Length))];
        }
    }
}
