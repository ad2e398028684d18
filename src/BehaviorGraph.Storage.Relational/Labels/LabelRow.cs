using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Storage.Relational.Labels;

/// <summary>A labels row. Settable properties: Dapper converts the label column's width (INTEGER, smallint) into a property.</summary>
public sealed class LabelRow
{
    public const string Columns = "account AS Account, label AS Label, source AS Source, analyst AS Analyst, note AS Note, labelled_at AS LabelledAt";

    public string Account { get; init; } = "";

    public long Label { get; init; }

    public string Source { get; init; } = "";

    public string? Analyst { get; init; }

    public string? Note { get; init; }

    public long LabelledAt { get; init; }

    public AccountLabel ToLabel() =>
        new(Account, (LabelKind)Label, Source, Analyst, Note, DateTimeOffset.FromUnixTimeMilliseconds(LabelledAt));
}
