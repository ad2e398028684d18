using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Storage.Sqlite.Labels;

internal sealed record LabelImportRow(string ContentHash, string Source, long Labels, long ImportedAt)
{
    public LabelFileImport ToImport(bool imported) =>
        new(ContentHash, Source, Labels, DateTimeOffset.FromUnixTimeMilliseconds(ImportedAt), imported);
}
