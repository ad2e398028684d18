namespace BehaviorGraph.Core.Scoring;

/// <summary>
/// Probability cut-offs: below <see cref="Review"/> an account is allowed, from <see cref="Review"/> it is sent to
/// review, from <see cref="Block"/> it is blocked.
/// </summary>
public sealed record DecisionThresholds(double Review = DecisionThresholds.DefaultReview, double Block = DecisionThresholds.DefaultBlock)
{
    public const double DefaultReview = 0.5;

    public const double DefaultBlock = 0.9;

    public static DecisionThresholds Default { get; } = new();

    public Decision Decide(double score) => score >= Block ? Decision.Block : score >= Review ? Decision.Review : Decision.Allow;

    /// <summary>Throws when the thresholds are outside [0, 1] or block is below review.</summary>
    public void Validate()
    {
        if (Review is < 0 or > 1 || Block is < 0 or > 1 || double.IsNaN(Review) || double.IsNaN(Block))
        {
            throw new ArgumentException($"Decision thresholds must lie in [0, 1]; got review {Review}, block {Block}.");
        }

        if (Block < Review)
        {
            throw new ArgumentException($"The block threshold ({Block}) must not be below the review threshold ({Review}).");
        }
    }
}
