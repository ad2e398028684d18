using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring;

namespace BehaviorGraph.Jobs.Arguments;

/// <summary>The <c>score</c> job's arguments, with their defaults: the decision thresholds and the reasons per explained account.</summary>
public sealed record ScoreJobArguments(
    double Review = DecisionThresholds.DefaultReview,
    double Block = DecisionThresholds.DefaultBlock,
    int Reasons = ScoringOptions.DefaultReasonCount)
{
    /// <summary>The arguments of a job record, checked by <see cref="JobCatalog.Validate"/>; absent ones take their default.</summary>
    public static ScoreJobArguments From(IReadOnlyDictionary<string, string> arguments)
    {
        JobCatalog.Validate(JobNames.Score, arguments);
        var defaults = new ScoreJobArguments();
        return new ScoreJobArguments(
            JobArgumentValues.Number(arguments, "review", defaults.Review),
            JobArgumentValues.Number(arguments, "block", defaults.Block),
            JobArgumentValues.Integer(arguments, "reasons", defaults.Reasons));
    }

    public ScoringOptions ToScoringOptions() => new(new DecisionThresholds(Review, Block), Reasons);
}
