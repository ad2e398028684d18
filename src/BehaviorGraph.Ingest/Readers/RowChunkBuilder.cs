using BehaviorGraph.Core.Events;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>Collects rows until a chunk is full, then hands it out and starts the next.</summary>
internal sealed class RowChunkBuilder(int chunkSize)
{
    private List<InteractionEvent> _events = new(chunkSize);
    private List<QuarantinedRow> _quarantined = [];
    private long _lastLine;
    private long _read;
    private long _skipped;

    public bool IsFull => _events.Count + _quarantined.Count >= chunkSize;

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
        _events = new List<InteractionEvent>(chunkSize);
        _quarantined = [];
        _read = 0;
        _skipped = 0;
        return chunk;
    }
}
