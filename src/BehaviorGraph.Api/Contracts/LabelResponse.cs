namespace BehaviorGraph.Api.Contracts;

/// <summary>A stored label.</summary>
public sealed record LabelResponse(string Account, string Label, string Source, string? Analyst, string? Note, DateTimeOffset LabelledAt);
