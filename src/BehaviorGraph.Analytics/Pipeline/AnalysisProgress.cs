namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>Progress of a run: the stage, whether it just started or finished, and a line about what it did.</summary>
public sealed record AnalysisProgress(AnalysisStage Stage, bool Completed, string Message, TimeSpan Elapsed);
