using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Scoring;
using BehaviorGraph.Scoring.Labels;

namespace BehaviorGraph.Cli.Commands.Scoring;

/// <summary>Turns the scoring library's input errors into one clear message and a non-zero exit.</summary>
internal static class ScoringFailures
{
    public static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is LabelFileException or InsufficientLabelsException or ModelMismatchException or KeyNotFoundException)
        {
            throw new UserFacingException(ex.Message, ex);
        }
    }
}
