namespace BehaviorGraph.Core.Labels;

/// <summary>
/// The record of a labels file imported into the label store, by its content hash: how many labels it added, from
/// which file and when. <paramref name="Imported"/> is false when an earlier import of the same content is what is returned.
/// </summary>
public sealed record LabelFileImport(string ContentHash, string Source, long Labels, DateTimeOffset ImportedAt, bool Imported);
