using BehaviorGraph.Ingest.Validation;
using nietras.SeparatedValues;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>Reads the CSV form of the event contract (header row; RFC 4180 quoting) with Sep.</summary>
internal sealed class CsvEventRowReader : IEventRowReader
{
    private static readonly string[] RequiredColumns = ["ts", "type", "actor"];

    public IEnumerable<RowChunk> ReadChunks(Stream input, int chunkSize, long skipThroughLine, CancellationToken cancellationToken)
    {
        using var reader = Sep.New(',').Reader(o => o with
        {
            HasHeader = true,
            Unescape = true,
            DisableColCountCheck = true,
            ColNameComparer = StringComparer.OrdinalIgnoreCase,
        }).From(input);

        var columns = ColumnMap.From(reader.Header);
        var builder = new RowChunkBuilder(chunkSize);
        while (reader.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadRow(reader, columns, builder, skipThroughLine);
            if (builder.IsFull)
            {
                yield return builder.Take();
            }
        }

        if (!builder.IsEmpty)
        {
            yield return builder.Take();
        }
    }

    private static void ReadRow(SepReader reader, ColumnMap columns, RowChunkBuilder builder, long skipThroughLine)
    {
        var row = reader.Current;
        var line = row.LineNumberFrom;
        if (row.ColCount == 1 && row.Span.IsWhiteSpace())
        {
            return;
        }

        if (line <= skipThroughLine)
        {
            builder.AddSkipped(line);
            return;
        }

        if (row.ColCount != columns.Count)
        {
            builder.AddQuarantined(line, $"{QuarantineReasons.WrongColumnCount}: expected {columns.Count} columns as in the header, got {row.ColCount}", row.Span.ToString());
            return;
        }

        var fields = new EventFields
        {
            EventId = columns.EventId < 0 ? default : row[columns.EventId].Span,
            Ts = row[columns.Ts].Span,
            Type = row[columns.Type].Span,
            Actor = row[columns.Actor].Span,
            Target = columns.Target < 0 ? default : row[columns.Target].Span,
            TargetKind = columns.TargetKind < 0 ? default : row[columns.TargetKind].Span,
            Value = columns.Value < 0 ? default : row[columns.Value].Span,
            Device = columns.Device < 0 ? default : row[columns.Device].Span,
            Ip = columns.Ip < 0 ? default : row[columns.Ip].Span,
        };
        var e = EventRowValidator.Validate(fields, out var reason);
        if (e is null)
        {
            builder.AddQuarantined(line, reason!, row.Span.ToString());
        }
        else
        {
            builder.AddEvent(e, line);
        }
    }

    private sealed record ColumnMap(int Count, int EventId, int Ts, int Type, int Actor, int Target, int TargetKind, int Value, int Device, int Ip)
    {
        public static ColumnMap From(SepReaderHeader header)
        {
            if (header.IsEmpty)
            {
                throw new IngestInputException("The CSV input is empty: expected a header row naming at least ts, type and actor.");
            }

            var missing = RequiredColumns.Where(c => !header.TryIndexOf(c, out _)).ToList();
            if (missing.Count > 0)
            {
                throw new IngestInputException(
                    $"The CSV header lacks required column(s) {string.Join(", ", missing)}; it has: {string.Join(", ", header.ColNames)}.");
            }

            return new ColumnMap(
                header.ColNames.Count, Index(header, "event_id"), Index(header, "ts"), Index(header, "type"), Index(header, "actor"),
                Index(header, "target"), Index(header, "target_kind"), Index(header, "value"), Index(header, "device"), Index(header, "ip"));
        }

        private static int Index(SepReaderHeader header, string name) => header.TryIndexOf(name, out var index) ? index : -1;
    }
}
