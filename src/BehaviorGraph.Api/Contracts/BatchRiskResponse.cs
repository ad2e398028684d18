namespace BehaviorGraph.Api.Contracts;

/// <summary>Risk of every requested account the latest run holds, and the keys it does not hold.</summary>
public sealed record BatchRiskResponse(IReadOnlyList<RiskResponse> Results, IReadOnlyList<string> Missing);
