namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// The platform's baseline a full run measures and an incremental run reuses: the degree-corrected density g of the
/// densest block of the shuffled graph (the peel's bar is <see cref="BlockParameters.NullFactor"/> times it), the
/// excess density of the densest refined block chance makes (the report bar likewise), and the share of engagement the
/// targets' owners answer on the platform.
/// </summary>
internal sealed record BlockBaseline(double ChancePeelDensity, double ChanceExcessDensity, double PlatformAnsweredShare);
