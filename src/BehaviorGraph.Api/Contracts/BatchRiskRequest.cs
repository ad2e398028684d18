namespace BehaviorGraph.Api.Contracts;

/// <summary>Up to 1,000 account keys to look up at once.</summary>
public sealed record BatchRiskRequest(IReadOnlyList<string>? Accounts);
