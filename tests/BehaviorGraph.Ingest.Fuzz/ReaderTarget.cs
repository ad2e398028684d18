using System.Text;
using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest.Readers;

namespace BehaviorGraph.Ingest.Fuzz;

/// <summary>
/// One fuzz input through a reader, with the row invariant checked: no exception escapes but the one that says a
/// source cannot be read at all (<see cref="IngestInputException"/>: a CSV header, a UTF-16 byte-order mark); every
/// line of the input is the header, blank, or exactly one row, an event or a quarantined row with its own line number;
/// every event passes the id rules; every quarantined excerpt is bounded and valid text. A broken invariant throws,
/// which afl-fuzz records as a crash.
/// </summary>
internal static class ReaderTarget
{
    /// <summary>Small, so that the fuzzer reaches oversized rows with short inputs.</summary>
    private const int MaxRowBytes = 512;

    public static void Check(Stream stream, bool csv)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Check(copy.ToArray(), csv);
    }

    public static void Check(byte[] input, bool csv)
    {
        IEventRowReader reader = csv ? new CsvEventRowReader(new ReaderLimits(MaxRowBytes)) : new JsonLinesEventRowReader(new ReaderLimits(MaxRowBytes));
        var chunks = new List<RowChunk>();
        try
        {
            foreach (var chunk in reader.ReadChunks(new MemoryStream(input, writable: false), 7, 0, CancellationToken.None))
            {
                chunks.Add(chunk);
            }
        }
        catch (IngestInputException)
        {
            return;
        }

        long rows = 0, events = 0, quarantined = 0, blank = 0, lastLine = 0, previous = 0;
        foreach (var chunk in chunks)
        {
            rows += chunk.RowsRead;
            events += chunk.Events.Count;
            quarantined += chunk.Quarantined.Count;
            blank += chunk.BlankLines;
            lastLine = Math.Max(lastLine, chunk.LastLine);
            foreach (var row in chunk.Quarantined)
            {
                Require(row.Line > previous, $"quarantined line {row.Line} after line {previous}");
                previous = row.Line;
                Require(row.Raw.Length <= QuarantinedRow.MaxRawLength, $"raw text of {row.Raw.Length} characters");
                Require(IsValidText(row.Raw), "raw text that is not valid UTF-16");
                Require(!row.Reason.Any(char.IsControl) && !HasLoneSurrogate(row.Reason), $"a reason with a raw control character: {row.Reason}");
                Require(row.Reason.Contains(": ", StringComparison.Ordinal), $"a reason without a code: {row.Reason}");
            }

            foreach (var e in chunk.Events)
            {
                foreach (var (id, field) in new[] { (e.EventId, "event_id"), (e.Actor, "actor"), (e.Target, "target"), (e.Device, "device"), (e.Ip, "ip") })
                {
                    Require(id is null || (id.Length > 0 && IdentifierRules.Violation(id, field) is null), $"an event whose {field} breaks the id rules");
                }

                Require(e.Value is null || (double.IsFinite(e.Value.Value) && Math.Abs(e.Value.Value) <= 1e9), $"an event with value {e.Value}");
            }
        }

        Require(rows == events + quarantined, $"{rows} rows read but {events} events and {quarantined} quarantined");
        var lines = PhysicalLines(input);
        Require(lastLine == lines, $"the input has {lines} lines, the reader covered {lastLine}");
        Require(rows + blank + (csv && lines > blank ? 1 : 0) == lines, $"{lines} lines = {rows} rows + {blank} blank + header?");
    }

    public static int Replay(bool csv, IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).ToList();
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                Check(File.ReadAllBytes(file), csv);
            }
            catch (Exception ex)
            {
                failed++;
                Console.WriteLine($"{file}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Console.WriteLine($"{files.Count} inputs replayed, {failed} failed.");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Lines as the contract counts them: a line feed ends one; text after the last line feed is one more.</summary>
    private static long PhysicalLines(byte[] input)
    {
        ReadOnlySpan<byte> text = input;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        long lines = text.Count((byte)'\n');
        return !text.IsEmpty && text[^1] != '\n' ? lines + 1 : lines;
    }

    private static bool IsValidText(string text) => Encoding.UTF8.GetByteCount(text) >= 0 && !HasLoneSurrogate(text);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Require(bool condition, string broken)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Row invariant broken: " + broken);
        }
    }
}
