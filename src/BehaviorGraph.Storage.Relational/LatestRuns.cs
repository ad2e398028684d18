namespace BehaviorGraph.Storage.Relational;

/// <summary>
/// The runs readers see, as the views of migration 0008 define them on every backend: the latest complete analysis
/// run (highest id) and the latest published scoring run (last completed).
/// </summary>
public static class LatestRuns
{
    public const string AnalysisRunId = "(SELECT id FROM latest_analysis_run)";

    public const string ScoreRunId = "(SELECT id FROM latest_score_run)";
}
