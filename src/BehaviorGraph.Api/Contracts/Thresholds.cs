namespace BehaviorGraph.Api.Contracts;

/// <summary>The decision thresholds: from review an account is sent to review, from block it is blocked.</summary>
public sealed record Thresholds(double Review, double Block);
