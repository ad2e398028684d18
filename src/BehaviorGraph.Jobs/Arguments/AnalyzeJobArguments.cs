namespace BehaviorGraph.Jobs.Arguments;

/// <summary>
/// The <c>analyze</c> job's arguments: <c>full</c> ("true": reanalyse everything; default "false": continue the
/// previous run incrementally when its state is kept). Its thresholds are the service's <c>BehaviorGraph:Analysis</c>
/// settings, the same <c>bgraph analyze</c> reads, so a scheduled run and a manual one agree.
/// </summary>
public sealed record AnalyzeJobArguments(bool Full)
{
    public static AnalyzeJobArguments From(IReadOnlyDictionary<string, string> arguments)
    {
        JobCatalog.Validate(JobNames.Analyze, arguments);
        return new AnalyzeJobArguments(arguments.TryGetValue("full", out var full) && full == "true");
    }
}
