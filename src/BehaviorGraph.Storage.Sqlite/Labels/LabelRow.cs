using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Storage.Sqlite.Labels;

internal sealed record LabelRow(string Account, long Label, string Source, string? Analyst, string? Note, long LabelledAt)
{
    public AccountLabel ToLabel() =>
        new(Account, (LabelKind)Label, Source, Analyst, Note, DateTimeOffset.FromUnixTimeMilliseconds(LabelledAt));
}
