using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Reasons;

namespace BehaviorGraph.Scoring;

/// <summary>
/// Decision thresholds, how many reasons each score carries, the catalog that names them, and from which score on a
/// batch run explains its scores (null: the review threshold — allowed accounts carry no reasons; 0: every account).
/// Explaining costs about three times the scoring itself, so batch runs explain only the accounts someone acts on;
/// the online scorer always explains.
/// </summary>
public sealed record ScoringOptions(DecisionThresholds? Thresholds = null, int ReasonCount = ScoringOptions.DefaultReasonCount, ReasonCatalog? Catalog = null, double? ExplainFrom = null)
{
    /// <summary>Reasons each score carries unless asked otherwise.</summary>
    public const int DefaultReasonCount = 3;

    public double EffectiveExplainFrom => ExplainFrom ?? EffectiveThresholds.Review;

    public static ScoringOptions Default { get; } = new();

    public DecisionThresholds EffectiveThresholds => Thresholds ?? DecisionThresholds.Default;

    public ReasonCatalog EffectiveCatalog => Catalog ?? ReasonCatalog.Default;
}
