using BehaviorGraph.Analytics.Detectors.Blocks;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// Every threshold of an analysis run, grouped by detector. The defaults are general rules of thumb stated in each
/// property's documentation, not values fitted to one data set.
/// </summary>
public sealed record AnalysisOptions
{
    public IdentityOptions Identity { get; init; } = new();

    public RingOptions Rings { get; init; } = new();

    public BotOptions Bots { get; init; } = new();

    public BlockOptions Blocks { get; init; } = new();

    public FeatureOptions Features { get; init; } = new();

    /// <summary>Description stored with the analysis run.</summary>
    public string Description { get; init; } = "bgraph analyze";

    public static AnalysisOptions Default { get; } = new();
}
