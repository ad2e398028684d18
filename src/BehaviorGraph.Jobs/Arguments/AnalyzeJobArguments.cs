namespace BehaviorGraph.Jobs.Arguments;

/// <summary>
/// The <c>analyze</c> job's arguments: none. Its thresholds are the service's <c>BehaviorGraph:Analysis</c> settings,
/// the same <c>bgraph analyze</c> reads, so a scheduled run and a manual one agree.
/// </summary>
public sealed record AnalyzeJobArguments
{
    public static AnalyzeJobArguments From(IReadOnlyDictionary<string, string> arguments)
    {
        JobCatalog.Validate(JobNames.Analyze, arguments);
        return new AnalyzeJobArguments();
    }
}
