using System.Diagnostics;
using System.Threading.Channels;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest.Readers;
using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest;

/// <summary>
/// Ingests event sources into a store: parses on one thread while the store writes the previous batch on
/// another, quarantines bad rows, and resumes an interrupted source after its last committed batch.
/// </summary>
public sealed class EventIngestor(IEventIngestStore store)
{
    public async Task<IngestReport> IngestFileAsync(string path, IngestOptions options, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Directory.Exists(path))
        {
            throw new IngestInputException($"'{path}' is a directory; name the event files (CSV or JSON Lines) inside it.");
        }

        if (!File.Exists(path))
        {
            throw new IngestInputException($"Event file '{path}' does not exist.");
        }

        string hash;
        FileStream stream;
        try
        {
            hash = await SourceHasher.HashFileAsync(path, cancellationToken);
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IngestInputException($"Event file '{path}' cannot be read: {ex.Message}", ex);
        }

        await using (stream)
        {
            var format = options.Format == EventFormat.Auto ? DetectFormat(path, stream) : options.Format;
            return await IngestAsync(new IngestSource(Path.GetFullPath(path), hash), stream, format, options, progress, cancellationToken);
        }
    }

    /// <summary>Ingests an in-memory body (an HTTP request), named <paramref name="sourceName"/> in the quarantine.</summary>
    public Task<IngestReport> IngestContentAsync(string sourceName, byte[] content, EventFormat format, IngestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var source = new IngestSource(sourceName, SourceHasher.HashBytes(content));
        var stream = new MemoryStream(content, writable: false);
        if (format == EventFormat.Auto)
        {
            format = DetectFormat(sourceName, stream);
        }

        return IngestAsync(source, stream, format, options, progress: null, cancellationToken);
    }

    private async Task<IngestReport> IngestAsync(IngestSource source, Stream stream, EventFormat format, IngestOptions options, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var previous = await store.GetProgressAsync(source.ContentHash, cancellationToken);
        if (previous is { IsComplete: true } && !options.Force)
        {
            return new IngestReport(source.Name, source.ContentHash, 0, 0, 0, 0, 0, AlreadyComplete: true, new Dictionary<string, long>(), clock.Elapsed);
        }

        var skipThrough = options.Force ? 0 : previous?.LastLine ?? 0;
        IEventRowReader reader = format == EventFormat.JsonLines ? new JsonLinesEventRowReader() : new CsvEventRowReader();
        var chunks = Channel.CreateBounded<RowChunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in reader.ReadChunks(stream, options.BatchSize, skipThrough, stop.Token))
                {
                    await chunks.Writer.WriteAsync(chunk, stop.Token);
                }

                chunks.Writer.Complete();
            }
            catch (Exception ex)
            {
                chunks.Writer.Complete(ex);
            }
        }, stop.Token);

        long read = 0, ingested = 0, duplicates = 0, quarantined = 0, skipped = 0;
        var byReason = new Dictionary<string, long>(StringComparer.Ordinal);
        var length = stream.CanSeek ? stream.Length : 0;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token))
            {
                read += chunk.RowsRead;
                skipped += chunk.RowsSkipped;
                if (chunk.Events.Count > 0 || chunk.Quarantined.Count > 0)
                {
                    var result = await store.WriteBatchAsync(new EventBatch(source, chunk.Events, chunk.Quarantined, chunk.LastLine), stop.Token);
                    ingested += result.Inserted;
                    duplicates += result.Duplicates;
                    quarantined += result.Quarantined;
                    foreach (var row in chunk.Quarantined)
                    {
                        var code = QuarantineReasons.CodeOf(row.Reason);
                        byReason[code] = byReason.GetValueOrDefault(code) + 1;
                    }
                }

                progress?.Report(new IngestProgress(source.Name, stream.CanSeek ? stream.Position : 0, length, read, ingested));
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await store.CompleteSourceAsync(source, cancellationToken);
        return new IngestReport(source.Name, source.ContentHash, read, ingested, duplicates, quarantined, skipped, AlreadyComplete: false, byReason, clock.Elapsed);
    }

    private static EventFormat DetectFormat(string name, Stream stream)
    {
        if (EventFiles.IsJsonLines(name))
        {
            return EventFormat.JsonLines;
        }

        if (Path.GetExtension(name).Equals(".csv", StringComparison.OrdinalIgnoreCase) || !stream.CanSeek)
        {
            return EventFormat.Csv;
        }

        var start = stream.Position;
        int b;
        do
        {
            b = stream.ReadByte();
        }
        while (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);

        stream.Position = start;
        return b == '{' ? EventFormat.JsonLines : EventFormat.Csv;
    }
}
