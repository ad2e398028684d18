namespace BehaviorGraph.Core.Labels;

/// <summary>An analyst's (or a label file's) verdict on an account, with who gave it and when.</summary>
public sealed record AccountLabel(string Account, LabelKind Label, string Source, string? Analyst, string? Note, DateTimeOffset LabelledAt);
