namespace BehaviorGraph.Core.Features;

/// <summary>A complete analysis run: its id, when it completed and how it was computed.</summary>
public sealed record AnalysisRunInfo(long Id, DateTimeOffset CompletedAt, AnalysisRunScope Scope);
