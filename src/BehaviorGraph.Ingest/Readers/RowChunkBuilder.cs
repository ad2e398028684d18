using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>
/// Collects rows until a chunk is full, then hands it out and starts the next. The first chunks of a source are
/// smaller — <see cref="FirstChunkRows"/> rows, then four times as many each time up to the chunk size — so the store
/// starts writing once a few thousand rows are parsed instead of waiting for a whole chunk (0.6 s of 3.9 s on 1M
/// events at 200,000).
/// </summary>
internal sealed class RowChunkBuilder(int chunkSize)
{
    public const int FirstChunkRows = 16_384;

    private int _limit = Math.Min(chunkSize, FirstChunkRows);
    private List<InteractionEvent> _events = new(Math.Min(chunkSize, FirstChunkRows));
    private List<QuarantinedRow> _quarantined = [];
    private long _lastLine;
    private long _read;
    private long _skipped;

    public bool IsFull => _events.Count + _quarantined.Count >= _limit;

    public bool IsEmpty => _read == 0 && _skipped == 0;

    public void AddEvent(InteractionEvent e, long line)
    {
        _events.Add(e);
        _read++;
        _lastLine = line;
    }

    public void AddQuarantined(long line, string reason, string raw)
    {
        _quarantined.Add(new QuarantinedRow(line, reason, raw));
        _read++;
        _lastLine = line;
    }

    public void AddSkipped(long line)
    {
        _skipped++;
        _lastLine = line;
    }

    public RowChunk Take()
    {
        var chunk = new RowChunk(_events, _quarantined, _lastLine, _read, _skipped);
        _limit = (int)Math.Min(chunkSize, 4L * _limit);
        _events = new List<InteractionEvent>(_limit);
        _quarantined = [];
        _read = 0;
        _skipped = 0;
        return chunk;
    }
}
