using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Detectors.Blocks;
using BehaviorGraph.Analytics.Detectors.Bots;
using BehaviorGraph.Analytics.Detectors.Identities;
using BehaviorGraph.Analytics.Detectors.Rings;

namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// The detectors an analysis run runs, with their parameters: one line each. They run in this order, and their
/// clusters are reported in this order.
/// </summary>
internal static class AnalysisDetectors
{
    public static IReadOnlyList<IDetector> For(AnalysisOptions options) =>
    [
        new RingDetector(options.Rings),
        new BotDetector(options.Bots),
        new EngagementBlockDetector(options.Blocks),
        new IdentityDetector(options.Identity),
    ];
}
