using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Storage.Postgres;

internal sealed record QuarantineRow(string Source, string ContentHash, long Line, string Reason, string Raw, long QuarantinedAt)
{
    public QuarantineEntry ToEntry() =>
        new(Source, ContentHash, Line, Reason, Raw, DateTimeOffset.FromUnixTimeMilliseconds(QuarantinedAt));
}
