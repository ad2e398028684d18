namespace BehaviorGraph.Scoring.Labels;

/// <summary>A labels file's entries and the SHA-256 of its bytes (lower-case hex).</summary>
public sealed record LabelFileContent(IReadOnlyList<LabelFileEntry> Entries, string ContentHash);
