using BehaviorGraph.Analytics.Detectors.Blocks;
using BehaviorGraph.Analytics.Detectors.Bots;
using BehaviorGraph.Analytics.Detectors.Identities;
using BehaviorGraph.Analytics.Detectors.Rings;
using BehaviorGraph.Analytics.Features;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Every threshold of an analysis run, one parameters record per detector (each beside its detector) and one for the
/// feature builder. The defaults are general rules of thumb stated in each property's documentation, not values fitted
/// to one data set.
/// </summary>
public sealed record AnalysisOptions
{
    public IdentityParameters Identity { get; init; } = new();

    public RingParameters Rings { get; init; } = new();

    public BotParameters Bots { get; init; } = new();

    public BlockParameters Blocks { get; init; } = new();

    public FeatureParameters Features { get; init; } = new();

    /// <summary>Description stored with the analysis run.</summary>
    public string Description { get; init; } = "bgraph analyze";

    public static AnalysisOptions Default { get; } = new();
}
