using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// The row invariant, shared by both formats: every physical line of a source is the header, blank, skipped (committed
/// by an earlier run), or exactly one row — an event or a quarantined row with that line's own number. Nothing a line
/// holds reaches its neighbours, and no line aborts the source.
/// </summary>
internal static class LineRows
{
    public static IEnumerable<RowChunk> Read(
        Stream input, IRowParser parser, ReaderLimits limits, int chunkSize, long skipThroughLine, CancellationToken cancellationToken)
    {
        var lines = new LineSplitter(input, limits.MaxRowBytes);
        var builder = new RowChunkBuilder(chunkSize);
        var headerPending = parser.HasHeader;
        while (lines.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            Take(lines, parser, builder, limits, ref headerPending, skipThroughLine);
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

    private static void Take(LineSplitter lines, IRowParser parser, RowChunkBuilder builder, ReaderLimits limits, ref bool headerPending, long skipThroughLine)
    {
        var line = lines.Current;
        var number = lines.LineNumber;
        if (!lines.IsOversized && line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
        {
            builder.AddBlank(number);
            return;
        }

        if (headerPending)
        {
            headerPending = false;
            if (lines.IsOversized)
            {
                throw new IngestInputException(
                    $"The CSV header (line {number}) is {lines.Length:N0} bytes long; lines are limited to {limits.MaxRowBytes:N0} bytes.");
            }

            parser.ReadHeader(line, number);
            builder.AddHeader(number);
            return;
        }

        if (number <= skipThroughLine)
        {
            builder.AddSkipped(number);
        }
        else if (lines.IsOversized)
        {
            builder.AddQuarantined(
                number,
                $"{QuarantineReasons.RowTooLong}: the line is {lines.Length:N0} bytes; rows are limited to {limits.MaxRowBytes:N0} bytes",
                RawExcerpt.Of(line, truncated: true));
        }
        else
        {
            parser.ReadRow(line, number, builder);
        }
    }
}
