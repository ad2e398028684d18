using System.Globalization;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// The detector contract of engagement blocks (the peel itself is <see cref="Detect"/>, the incremental pass
/// <see cref="DetectIncremental"/>). Features: the density of the reported block each account belongs to, and that
/// block's score and size. In an incremental run with a state this data continues, only what the new events touched is
/// recomputed; otherwise (no scope, no state, a state that does not decode or does not fit) the run is full.
/// </summary>
internal sealed partial class EngagementBlockDetector(BlockParameters parameters) : IDetector
{
    public string Name => "blocks";

    public IReadOnlyList<FeatureDefinition> Features { get; } =
        [AccountFeatures.DenseBlockDensity, AccountFeatures.BlockScore, AccountFeatures.BlockSize];

    public bool CrossReferencesOverlaps => false;

    public DetectorOutput Run(DetectorContext context, CancellationToken cancellationToken)
    {
        var data = context.Data;
        var scope = context.Previous;
        var state = scope is null ? null : BlockState.TryDecode(scope.StateOf(Name), parameters, data, scope.FirstNewEvent);
        var blocks = state is null || scope is null
            ? Detect(data, context.Graphs, context.Engagement, parameters, cancellationToken)
            : DetectIncremental(data, context.Graphs, context.Engagement, parameters, state, scope, cancellationToken);
        var (blockScore, blockSize) = ClusterColumns.ScoreAndSize(blocks.Ordered, data.AccountCount);
        var found = string.Create(CultureInfo.InvariantCulture,
            $"{blocks.Clusters.Count} engagement block(s) of {blocks.BlocksPeeled} peeled (bar: {blocks.Threshold:0.00} engagements above prediction per member, {parameters.NullFactor:0.#}x the densest block of the shuffled graph, {blocks.NullDensity:0.00}");
        var summary = blocks.Work is { } w
            ? string.Create(CultureInfo.InvariantCulture,
                $"incremental: re-peeled {w.RegionAccounts:N0} of {w.Accounts:N0} accounts ({w.RegionEngagements:N0} of {w.Engagements:N0} engagements), {w.TouchedBlocks} touched block(s) re-refined, {w.CarriedBlocks} block(s) carried unchanged; {found}, from the previous run)")
            : found + ")";
        return new DetectorOutput(
            blocks.Clusters,
            [
                new FeatureColumn(AccountFeatures.DenseBlockDensity, blocks.BlockDensity),
                new FeatureColumn(AccountFeatures.BlockScore, blockScore),
                new FeatureColumn(AccountFeatures.BlockSize, blockSize),
            ],
            summary)
        {
            State = blocks.Baseline is { } baseline
                ? new BlockState(parameters, data.Events.Count, data.AccountCount, data.ContentCount, baseline, blocks.Measurements).Encode()
                : null,
        };
    }
}
