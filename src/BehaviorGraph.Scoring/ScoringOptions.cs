using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Reasons;

namespace BehaviorGraph.Scoring;

/// <summary>Decision thresholds, how many reasons each score carries, and the catalog that names them.</summary>
public sealed record ScoringOptions(DecisionThresholds? Thresholds = null, int ReasonCount = 3, ReasonCatalog? Catalog = null)
{
    public static ScoringOptions Default { get; } = new();

    public DecisionThresholds EffectiveThresholds => Thresholds ?? DecisionThresholds.Default;

    public ReasonCatalog EffectiveCatalog => Catalog ?? ReasonCatalog.Default;
}
