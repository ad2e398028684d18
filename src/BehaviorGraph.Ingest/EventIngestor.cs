using System.Diagnostics;
using System.Threading.Channels;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest.Readers;
using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest;

/// <summary>
/// Ingests event sources into a store as a three-stage pipeline — parse a batch, let the store prepare it
/// (when it can, see <see cref="IPreparingEventIngestStore"/>), write it — so the three run at once on
/// consecutive batches. Quarantines bad rows, and resumes an interrupted source after its last committed batch.
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
        var previous = await StoreCall(() => store.GetProgressAsync(source.ContentHash, cancellationToken), source, "reading its progress", 0);
        if (previous is { IsComplete: true } && !options.Force)
        {
            return new IngestReport(source.Name, source.ContentHash, 0, 0, 0, 0, 0, AlreadyComplete: true, new Dictionary<string, long>(), clock.Elapsed);
        }

        var skipThrough = options.Force ? 0 : previous?.LastLine ?? 0;
        IEventRowReader reader = format == EventFormat.JsonLines ? new JsonLinesEventRowReader() : new CsvEventRowReader();
        var chunks = Channel.CreateBounded<RowChunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var prepared = Channel.CreateBounded<PreparedChunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var preparer = store as IPreparingEventIngestStore;
        var parsing = RunStage(chunks.Writer, writer =>
        {
            foreach (var chunk in reader.ReadChunks(stream, options.BatchSize, skipThrough, stop.Token))
            {
                Put(writer, chunk, stop.Token);
            }
        });
        var preparing = RunStage(prepared.Writer, writer =>
        {
            while (chunks.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
            {
                while (chunks.Reader.TryRead(out var chunk))
                {
                    var batch = chunk.Events.Count == 0 && chunk.Quarantined.Count == 0 ? null
                        : new EventBatch(source, chunk.Events, chunk.Quarantined, chunk.LastLine);
                    // A prepared batch no longer needs the parsed rows, so only the raw batch of a store that
                    // prepares nothing travels on to the writer.
                    Put(writer, batch is not null && preparer is not null
                        ? new PreparedChunk(Counts(chunk), chunk.Quarantined, null, preparer.Prepare(batch))
                        : new PreparedChunk(Counts(chunk), chunk.Quarantined, batch, null), stop.Token);
                }
            }
        });

        long read = 0, ingested = 0, duplicates = 0, quarantined = 0, skipped = 0, blank = 0, lines = 0;
        var committed = skipThrough;
        var byReason = new Dictionary<string, long>(StringComparer.Ordinal);
        var length = stream.CanSeek ? stream.Length : 0;
        try
        {
            await foreach (var chunk in prepared.Reader.ReadAllAsync(stop.Token))
            {
                read += chunk.Rows.RowsRead;
                skipped += chunk.Rows.RowsSkipped;
                blank += chunk.Rows.BlankLines;
                lines = Math.Max(lines, chunk.Rows.LastLine);
                if (chunk.Raw is not null || chunk.Prepared is not null)
                {
                    var result = await StoreCall(
                        () => chunk.Prepared is not null
                            ? preparer!.WriteBatchAsync(chunk.Prepared, stop.Token)
                            : store.WriteBatchAsync(chunk.Raw!, stop.Token),
                        source, $"writing the batch of lines {committed + 1:N0}-{chunk.Rows.LastLine:N0}", committed);
                    committed = chunk.Rows.LastLine;
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
            await Task.WhenAll(parsing, preparing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await StoreCall(async () => { await store.CompleteSourceAsync(source, cancellationToken); return 0; }, source, "recording it as complete", committed);
        return new IngestReport(
            source.Name, source.ContentHash, read, ingested, duplicates, quarantined, skipped, AlreadyComplete: false, byReason, clock.Elapsed,
            BlankLines: blank, Lines: lines);
    }

    /// <summary>
    /// Runs one store call; a failure (other than cancellation) becomes an <see cref="IngestStoreException"/> that says
    /// what was being done and how far the source is safely committed, since every batch is atomic.
    /// </summary>
    private static async Task<T> StoreCall<T>(Func<Task<T>> call, IngestSource source, string doing, long committedThrough)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or IngestInputException or IngestStoreException))
        {
            var committed = committedThrough > 0
                ? $"Lines 1-{committedThrough:N0} are committed; ingesting it again resumes after them and adds nothing twice."
                : "Nothing of it is committed; ingesting it again starts from the beginning.";
            var cause = ex.Message.Trim();
            throw new IngestStoreException(
                $"The store failed while {doing} of {source.Name}: {cause}{(cause.EndsWith('.') ? "" : ".")} {committed}", committedThrough, ex);
        }
    }

    /// <summary>
    /// Runs one pipeline stage on a thread of its own (the stages are CPU-bound and run for the whole source, so
    /// they must not wait for the thread pool to grow); its end or failure completes its output channel.
    /// </summary>
    private static Task RunStage<T>(ChannelWriter<T> output, Action<ChannelWriter<T>> stage) => Task.Factory.StartNew(
        () =>
        {
            try
            {
                stage(output);
                output.Complete();
            }
            catch (Exception ex)
            {
                output.Complete(ex);
            }
        },
        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Hands an item to the next stage, blocking this stage's thread while the next one is still busy.</summary>
    private static void Put<T>(ChannelWriter<T> output, T item, CancellationToken cancellationToken)
    {
        if (!output.TryWrite(item))
        {
            output.WriteAsync(item, cancellationToken).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>What the writing stage gets of a chunk: its counts and quarantined rows, and the batch to write (raw or prepared; neither when the chunk holds no row).</summary>
    private sealed record PreparedChunk(ChunkCounts Rows, IReadOnlyList<QuarantinedRow> Quarantined, EventBatch? Raw, PreparedBatch? Prepared);

    /// <summary>A chunk's line counts, kept apart from its rows so a prepared batch does not hold them.</summary>
    private sealed record ChunkCounts(long RowsRead, long RowsSkipped, long BlankLines, long LastLine);

    private static ChunkCounts Counts(RowChunk chunk) => new(chunk.RowsRead, chunk.RowsSkipped, chunk.BlankLines, chunk.LastLine);

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
