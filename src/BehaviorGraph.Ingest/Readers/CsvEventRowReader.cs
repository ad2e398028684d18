using System.Buffers;
using System.Text.Unicode;
using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// Reads the CSV form of the event contract: a header row naming the columns (matched regardless of ASCII case, in
/// any order; unknown columns are ignored), then one row per line, RFC 4180 quoting within the line.
/// </summary>
internal sealed class CsvEventRowReader(ReaderLimits limits) : IEventRowReader, IRowParser
{
    private char[] _chars = new char[Math.Min(limits.MaxRowBytes + 2, 4096)];
    private CsvColumns? _columns;
    private Range[] _fields = [];

    public CsvEventRowReader()
        : this(ReaderLimits.Default)
    {
    }

    public bool HasHeader => true;

    public IEnumerable<RowChunk> ReadChunks(Stream input, int chunkSize, long skipThroughLine, CancellationToken cancellationToken) =>
        LineRows.Read(input, this, limits, chunkSize, skipThroughLine, cancellationToken);

    public void ReadHeader(ReadOnlySpan<byte> line, long lineNumber)
    {
        EnsureChars(line.Length);
        if (Utf8.ToUtf16(line, _chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new IngestInputException($"The CSV header (line {lineNumber}) is not UTF-8 text.");
        }

        var text = _chars.AsSpan(0, written);
        var fields = new Range[Math.Min(text.Count(',') + 1, 4096)];
        var count = CsvLineParser.Split(text, fields, out var error);
        if (count < 0)
        {
            throw new IngestInputException($"The CSV header (line {lineNumber}) is malformed: {error}.");
        }

        if (count > fields.Length)
        {
            throw new IngestInputException($"The CSV header (line {lineNumber}) has {count:N0} columns; at most {fields.Length:N0} are read.");
        }

        _columns = CsvColumns.From(text, fields.AsSpan(0, count), lineNumber);
        _fields = new Range[count + 1];
    }

    public void ReadRow(ReadOnlySpan<byte> line, long lineNumber, RowChunkBuilder builder)
    {
        EnsureChars(line.Length);
        var columns = _columns!;
        if (Utf8.ToUtf16(line, _chars, out var bytesRead, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            builder.AddQuarantined(lineNumber, InvalidUtf8Reason(line, bytesRead), RawExcerpt.Of(line));
            return;
        }

        var text = _chars.AsSpan(0, written);
        var count = CsvLineParser.Split(text, _fields, out var error);
        if (count < 0)
        {
            builder.AddQuarantined(lineNumber, $"{QuarantineReasons.InvalidCsv}: {error}", RawExcerpt.Of(line));
            return;
        }

        if (count != columns.Count)
        {
            builder.AddQuarantined(
                lineNumber, $"{QuarantineReasons.WrongColumnCount}: expected {columns.Count} columns as in the header, got {count}", RawExcerpt.Of(line));
            return;
        }

        var f = _fields;
        var fields = new EventFields
        {
            EventId = columns.EventId < 0 ? default : text[f[columns.EventId]],
            Ts = text[f[columns.Ts]],
            Type = text[f[columns.Type]],
            Actor = text[f[columns.Actor]],
            Target = columns.Target < 0 ? default : text[f[columns.Target]],
            TargetKind = columns.TargetKind < 0 ? default : text[f[columns.TargetKind]],
            Value = columns.Value < 0 ? default : text[f[columns.Value]],
            Device = columns.Device < 0 ? default : text[f[columns.Device]],
            Ip = columns.Ip < 0 ? default : text[f[columns.Ip]],
        };
        var e = EventRowValidator.Validate(fields, out var reason);
        if (e is null)
        {
            builder.AddQuarantined(lineNumber, reason!, RawExcerpt.Of(line));
        }
        else
        {
            builder.AddEvent(e, lineNumber, line.Length);
        }
    }

    internal static string InvalidUtf8Reason(ReadOnlySpan<byte> line, int offset)
    {
        var bad = line[offset..];
        var shown = string.Join(' ', bad[..Math.Min(bad.Length, 4)].ToArray().Select(b => $"0x{b:X2}"));
        return $"{QuarantineReasons.InvalidEncoding}: the line is not UTF-8 text (bytes {shown} at byte {offset + 1})";
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
