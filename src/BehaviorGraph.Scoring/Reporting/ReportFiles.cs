namespace BehaviorGraph.Scoring.Reporting;

/// <summary>The files a report wrote: the HTML page and its PNG plots.</summary>
public sealed record ReportFiles(string Index, IReadOnlyList<string> Plots);
