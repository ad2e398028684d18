namespace BehaviorGraph.Api.Contracts;

/// <summary>One reason behind a score: stable code, feature value, contribution to the raw score, text for people.</summary>
public sealed record Reason(string Code, double Value, double Contribution, string Text);
