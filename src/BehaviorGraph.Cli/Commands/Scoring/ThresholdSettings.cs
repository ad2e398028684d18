using System.ComponentModel;
using BehaviorGraph.Cli.Infrastructure;
using BehaviorGraph.Core.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BehaviorGraph.Cli.Commands.Scoring;

/// <summary>Store options plus the decision thresholds.</summary>
public class ThresholdSettings : StoreSettings
{
    [CommandOption("--review <P>")]
    [Description("Probability from which an account is sent to review.")]
    [DefaultValue(DecisionThresholds.DefaultReview)]
    public double Review { get; init; } = DecisionThresholds.DefaultReview;

    [CommandOption("--block <P>")]
    [Description("Probability from which an account is blocked.")]
    [DefaultValue(DecisionThresholds.DefaultBlock)]
    public double Block { get; init; } = DecisionThresholds.DefaultBlock;

    public DecisionThresholds Thresholds => new(Review, Block);

    public override ValidationResult Validate()
    {
        try
        {
            Thresholds.Validate();
            return ValidationResult.Success();
        }
        catch (ArgumentException ex)
        {
            return ValidationResult.Error(ex.Message);
        }
    }
}
