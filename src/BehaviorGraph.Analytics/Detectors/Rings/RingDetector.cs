using System.Globalization;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Detectors.Rings;

/// <summary>
/// Spam rings (<see cref="RingSearch"/>), plus the cores it measured but did not report that the platform's labels or
/// latest scores single out (<see cref="SupervisedSurfacing"/>; these are clusters, never features). Features: each
/// account's Louvain community size and density, and the score and size of the reported ring it belongs to.
/// </summary>
internal sealed class RingDetector(RingParameters parameters) : IDetector
{
    public string Name => "rings";

    public IReadOnlyList<FeatureDefinition> Features { get; } =
        [AccountFeatures.CommunitySize, AccountFeatures.CommunityDensity, AccountFeatures.RingScore, AccountFeatures.RingSize];

    public bool CrossReferencesOverlaps => true;

    public DetectorOutput Run(DetectorContext context, CancellationToken cancellationToken)
    {
        var data = context.Data;
        var rings = RingSearch.Find(data, context.Graphs, context.Identifiers, parameters, cancellationToken);
        var surfaced = SupervisedSurfacing.Surface(rings.Unreported, data.AccountKeys, context.Signals, parameters.SurfacingSignificance);
        var (surfacedRings, _) = ClusterNaming.Name(ClusterKind.Ring, "ring", surfaced, data.AccountKeys, rings.Clusters.Count + 1);

        var communitySize = new float[data.AccountCount];
        for (var a = 0; a < communitySize.Length; a++)
        {
            communitySize[a] = rings.CommunitySize[a];
        }

        var (ringScore, ringSize) = ClusterColumns.ScoreAndSize(rings.Ordered, data.AccountCount);
        var signals = context.Signals;
        return new DetectorOutput(
            [.. rings.Clusters, .. surfacedRings],
            [
                new FeatureColumn(AccountFeatures.CommunitySize, communitySize),
                new FeatureColumn(AccountFeatures.CommunityDensity, rings.CommunityDensity),
                new FeatureColumn(AccountFeatures.RingScore, ringScore),
                new FeatureColumn(AccountFeatures.RingSize, ringSize),
            ],
            string.Create(CultureInfo.InvariantCulture,
                $"{rings.Clusters.Count} ring(s) from {rings.CommunityCount:N0} communities (modularity {rings.Modularity:0.000}), {surfacedRings.Count} more surfaced by labels or scores ({signals.Labels.Count:N0} labelled accounts, {signals.Flagged.Count:N0} flagged by the latest scoring run)"));
    }
}
