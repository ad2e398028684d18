using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Storage.Postgres;

internal sealed record SourceRow(
    string ContentHash, string Name, long LastLine, long Inserted, long Duplicates, long Quarantined, long? CompletedAt)
{
    public SourceProgress ToProgress() => new(
        ContentHash, Name, LastLine, Inserted, Duplicates, Quarantined,
        CompletedAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
}
