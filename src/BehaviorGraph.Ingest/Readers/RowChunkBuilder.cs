using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// Collects rows until a chunk is full, then hands it out and starts the next. The first chunks of a source are
/// smaller — <see cref="FirstChunkRows"/> rows, then four times as many each time up to the chunk size — so the store
/// starts writing once a few thousand rows are parsed instead of waiting for a whole chunk (0.6 s of 3.9 s on 1M
/// events at 200,000). A chunk also ends once its rows hold <see cref="MaxRetainedChars"/> characters of text, so
/// rows of long ids or long quarantined lines cannot make a chunk's memory grow with the chunk size.
/// </summary>
internal sealed class RowChunkBuilder(int chunkSize)
{
    public const int FirstChunkRows = 16_384;

    /// <summary>
    /// Text a chunk may hold (64M characters, 128 MB as strings): 400,000 rows of the generator's 77 bytes take 31M,
    /// so ordinary chunks end by their row count, never by this.
    /// </summary>
    public const long MaxRetainedChars = 64L << 20;

    private int _limit = Math.Min(chunkSize, FirstChunkRows);
    private List<InteractionEvent> _events = new(Math.Min(chunkSize, FirstChunkRows));
    private List<QuarantinedRow> _quarantined = [];
    private long _lastLine;
    private long _read;
    private long _skipped;
    private long _blank;
    private long _retained;
    private bool _header;

    public bool IsFull => _events.Count + _quarantined.Count >= _limit || _retained >= MaxRetainedChars;

    public bool IsEmpty => _read == 0 && _skipped == 0 && _blank == 0 && !_header;

    /// <summary>Adds a valid event read from <paramref name="line"/>, which was <paramref name="lineBytes"/> long.</summary>
    public void AddEvent(InteractionEvent e, long line, int lineBytes = 0)
    {
        _events.Add(e);
        _read++;
        _retained += lineBytes;
        _lastLine = line;
    }

    public void AddQuarantined(long line, string reason, string raw)
    {
        _quarantined.Add(new QuarantinedRow(line, reason, raw));
        _read++;
        _retained += raw.Length + reason.Length;
        _lastLine = line;
    }

    public void AddSkipped(long line)
    {
        _skipped++;
        _lastLine = line;
    }

    /// <summary>The CSV header line: no row, but the chunk covers it.</summary>
    public void AddHeader(long line)
    {
        _header = true;
        _lastLine = line;
    }

    /// <summary>A line with nothing but spaces and tabs: no row, counted apart.</summary>
    public void AddBlank(long line)
    {
        _blank++;
        _lastLine = line;
    }

    public RowChunk Take()
    {
        var chunk = new RowChunk(_events, _quarantined, _lastLine, _read, _skipped, _blank);
        _limit = (int)Math.Min(chunkSize, 4L * _limit);
        _events = new List<InteractionEvent>(_limit);
        _quarantined = [];
        _read = 0;
        _skipped = 0;
        _blank = 0;
        _retained = 0;
        _header = false;
        return chunk;
    }
}
