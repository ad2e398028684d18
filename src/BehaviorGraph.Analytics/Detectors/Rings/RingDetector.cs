using System.Globalization;
using BehaviorGraph.Analytics.Detectors.Supervision;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Detectors.Rings;

/// <summary>
/// Spam rings (<see cref="RingSearch"/>), plus the cores it measured but did not report that the platform's labels or
/// latest scores single out (<see cref="SupervisedSurfacing"/>; these are clusters, never features). Features: each
/// account's Louvain community size and density, and the score and size of the reported ring it belongs to.
/// Incremental when the previous run's state (<see cref="RingState"/>) continues into this data: Louvain is warm-started
/// around the accounts the new events touch, and untouched communities keep their cores and measurements
/// (<see cref="RingSearch.Continue"/>); otherwise, or with no previous run, a full pass.
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
        var scope = context.Previous;
        var previous = scope is null || scope.TouchedAccounts.Length != data.AccountCount
            ? null
            : RingState.TryDecode(scope.StateOf(Name), parameters, data.AccountCount, scope.FirstNewEvent);
        var rings = previous is null
            ? RingSearch.Find(data, context.Graphs, context.Identifiers, parameters, cancellationToken)
            : RingSearch.Continue(data, context.Graphs, context.Identifiers, parameters, previous, Affected(scope!, data, context.Graphs), cancellationToken);
        var surfaced = SupervisedSurfacing.Surface(rings.Unreported, data.AccountKeys, context.Signals, parameters.SurfacingSignificance);
        var (surfacedRings, _) = ClusterNaming.Name(ClusterKind.Ring, "ring", surfaced, data.AccountKeys, rings.Clusters.Count + 1);

        var communitySize = new float[data.AccountCount];
        for (var a = 0; a < communitySize.Length; a++)
        {
            communitySize[a] = rings.CommunitySize[a];
        }

        var (ringScore, ringSize) = ClusterColumns.ScoreAndSize(rings.Ordered, data.AccountCount);
        var signals = context.Signals;
        var recomputed = rings.Incremental is { } counts
            ? string.Create(CultureInfo.InvariantCulture,
                $"incremental: Louvain warm-started moving {counts.MovableNodes:N0} of {data.AccountCount:N0} accounts ({counts.TouchedAccounts:N0} touched), {counts.Remeasured:N0} communities re-split and re-measured, {counts.CoresKept:N0} with an unchanged mutual subgraph re-measured on their previous cores, {counts.Carried:N0} carried unchanged; ")
            : "";
        return new DetectorOutput(
            [.. rings.Clusters, .. surfacedRings],
            [
                new FeatureColumn(AccountFeatures.CommunitySize, communitySize),
                new FeatureColumn(AccountFeatures.CommunityDensity, rings.CommunityDensity),
                new FeatureColumn(AccountFeatures.RingScore, ringScore),
                new FeatureColumn(AccountFeatures.RingSize, ringSize),
            ],
            recomputed + string.Create(CultureInfo.InvariantCulture,
                $"{rings.Clusters.Count} ring(s) from {rings.CommunityCount:N0} communities (modularity {rings.Modularity:0.000}), {surfacedRings.Count} more surfaced by labels or scores ({signals.Labels.Count:N0} labelled accounts, {signals.Flagged.Count:N0} flagged by the latest scoring run)"))
        {
            State = rings.State.Encode(parameters),
        };
    }

    /// <summary>
    /// Accounts whose mutual partners or measured facts the new events may have changed: the touched accounts and the
    /// owners of touched content (a like or comment of content counts as interaction with its owner).
    /// </summary>
    private static bool[] Affected(IncrementalScope scope, Projection.PlatformData data, Projection.PlatformGraphs graphs)
    {
        var affected = (bool[])scope.TouchedAccounts.Clone();
        var owners = graphs.ContentOwner;
        var contents = Math.Min(Math.Min(data.ContentCount, owners.Length), scope.TouchedTargets.Length);
        for (var c = 0; c < contents; c++)
        {
            if (scope.TouchedTargets[c] && owners[c] is var owner and >= 0 && owner < affected.Length)
            {
                affected[owner] = true;
            }
        }

        return affected;
    }
}
