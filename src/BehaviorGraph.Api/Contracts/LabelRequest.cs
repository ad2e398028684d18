namespace BehaviorGraph.Api.Contracts;

/// <summary>An analyst's verdict on an account: label is abusive or benign.</summary>
public sealed record LabelRequest(string? Account, string? Label, string? Analyst, string? Note);
