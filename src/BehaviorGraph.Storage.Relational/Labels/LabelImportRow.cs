using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Storage.Relational.Labels;

/// <summary>A label_imports row: one labels file, by its content hash.</summary>
public sealed record LabelImportRow(string ContentHash, string Source, long Labels, long ImportedAt)
{
    public const string Columns = "content_hash AS contentHash, source, labels, imported_at AS importedAt";

    public LabelFileImport ToImport(bool imported) =>
        new(ContentHash, Source, Labels, DateTimeOffset.FromUnixTimeMilliseconds(ImportedAt), imported);
}
