using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Storage.Postgres.Labels;

internal sealed record LabelRow(string Account, short Label, string Source, string? Analyst, string? Note, long LabelledAt)
{
    public const string Columns = "account, label, source, analyst, note, labelled_at AS labelledAt";

    public AccountLabel ToLabel() =>
        new(Account, (LabelKind)Label, Source, Analyst, Note, DateTimeOffset.FromUnixTimeMilliseconds(LabelledAt));
}
