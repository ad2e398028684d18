using System.Globalization;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// The detector contract of engagement blocks (the peel itself is <see cref="Detect"/>). Features: the density of the
/// reported block each account belongs to, and that block's score and size.
/// </summary>
internal sealed partial class EngagementBlockDetector(BlockParameters parameters) : IDetector
{
    public string Name => "blocks";

    public IReadOnlyList<FeatureDefinition> Features { get; } =
        [AccountFeatures.DenseBlockDensity, AccountFeatures.BlockScore, AccountFeatures.BlockSize];

    public bool CrossReferencesOverlaps => false;

    public DetectorOutput Run(DetectorContext context, CancellationToken cancellationToken)
    {
        var blocks = Detect(context.Data, context.Graphs, context.Engagement, parameters, cancellationToken);
        var (blockScore, blockSize) = ClusterColumns.ScoreAndSize(blocks.Ordered, context.Data.AccountCount);
        return new DetectorOutput(
            blocks.Clusters,
            [
                new FeatureColumn(AccountFeatures.DenseBlockDensity, blocks.BlockDensity),
                new FeatureColumn(AccountFeatures.BlockScore, blockScore),
                new FeatureColumn(AccountFeatures.BlockSize, blockSize),
            ],
            string.Create(CultureInfo.InvariantCulture,
                $"{blocks.Clusters.Count} engagement block(s) of {blocks.BlocksPeeled} peeled (bar: {blocks.Threshold:0.00} engagements above prediction per member, {parameters.NullFactor:0.#}x the densest block of the shuffled graph, {blocks.NullDensity:0.00})"));
    }
}
