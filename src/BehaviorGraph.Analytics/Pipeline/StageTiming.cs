namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>Wall time of one stage and what it produced, in a line.</summary>
public sealed record StageTiming(AnalysisStage Stage, TimeSpan Elapsed, string Summary);
