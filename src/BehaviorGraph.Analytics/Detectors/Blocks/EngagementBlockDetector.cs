using BehaviorGraph.Analytics.Algorithms.Fraudar;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// Bought engagement as dense account × target blocks (FRAUDAR, Hooi et al. 2016): many accounts liking, following,
/// viewing or rating the same targets far more than the platform's own background explains. Works on engagement
/// alone (a file of likes is enough); owners, devices and IPs only add evidence.
/// </summary>
internal sealed partial class EngagementBlockDetector
{
    public static BlockDetection Detect(PlatformData data, PlatformGraphs graphs, EngagementGraph engagement, BlockParameters options, CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var blockDensity = new float[n];
        if (engagement.EdgeCount == 0)
        {
            return new BlockDetection([], [], blockDensity, 0, 0, 0);
        }

        // The bar is what the same peeling finds by chance: the densest block of the graph with its edges shuffled.
        // The degree-corrected and the plain peels of one graph are independent, so they run side by side.
        var chanceGraph = engagement.Shuffled(options.Seed);
        FraudarResult chancePeel = null!;
        IReadOnlyList<FraudarBlock> chancePlain = [];
        Parallel.Invoke(
            () => chancePeel = Fraudar.Run(chanceGraph, new FraudarParameters { DegreeCorrected = true }, null, cancellationToken),
            () => chancePlain = PlainPeel(chanceGraph, options, cancellationToken));
        if (chancePeel.Blocks.Count == 0)
        {
            return new BlockDetection([], [], blockDensity, 0, 0, 0);
        }

        // The peel's bar needs only the chance peel; the report bar needs the chance blocks refined, which therefore
        // runs beside the corrected peel (the longest step) instead of before it.
        var chanceBlock = chancePeel.Blocks[0];
        var peelBar = options.NullFactor * chanceBlock.Density;
        double chanceDensity = 0;
        IReadOnlyList<FraudarBlock> corrected = [];
        IReadOnlyList<FraudarBlock> plain = [];
        Parallel.Invoke(
            () => corrected = Fraudar.Run(
                engagement.Graph,
                new FraudarParameters { DegreeCorrected = true, MaxBlocks = options.MaxBlocks, MinSources = options.MinAccounts, MinDensity = peelBar, CoreThreshold = peelBar },
                null,
                cancellationToken).Blocks,
            () =>
            {
                chanceDensity = ChanceExcessDensity(chanceGraph, [chanceBlock, .. chancePlain]);
                plain = PlainPeel(engagement.Graph, options, cancellationToken);
            });
        var bar = options.NullFactor * chanceDensity;
        var peeled = corrected.Concat(plain).ToList();

        var measure = new BlockMeasure(data, graphs, engagement);
        var refiner = new BlockRefiner(engagement.Graph);
        var owner = new HashSet<int>();
        var candidates = new List<ClusterCandidate>();
        var measurements = new List<BlockMeasurement>();
        var judge = new BlockJudge(refiner, measure, options, chanceDensity, bar, owner, candidates, measurements, blockDensity);
        judge.Judge(peeled, cancellationToken);

        var (clusters, ordered) = ClusterNaming.Name(ClusterKind.Block, "block", candidates, data.AccountKeys);
        return new BlockDetection(clusters, ordered, blockDensity, peeled.Count, chanceDensity, bar)
        {
            Baseline = new BlockBaseline(chanceBlock.Density, chanceDensity, measure.PlatformAnsweredShare),
            Measurements = measurements,
        };
    }

    /// <summary>The excess density of the densest of the chance blocks once refined (0 when none has any).</summary>
    private static double ChanceExcessDensity(CsrGraph chanceGraph, IEnumerable<FraudarBlock> chanceBlocks)
    {
        var refiner = new BlockRefiner(chanceGraph);
        return chanceBlocks.Max(block => Math.Max(refiner.Refine(block.Sources, block.Targets).ExcessDensity, 0));
    }

    /// <summary>
    /// FRAUDAR's own peeling (no degree correction), a few blocks deep. Where a block's own edges make up much of its
    /// members' degrees (a small or sparse platform, a block with little camouflage) the degree model predicts most of
    /// the block from the block itself and the degree-corrected peel sees it only in pieces; the plain peel finds it
    /// whole, and refinement and the bar judge its blocks exactly as the others.
    /// </summary>
    private static IReadOnlyList<FraudarBlock> PlainPeel(CsrGraph graph, BlockParameters options, CancellationToken cancellationToken) =>
        options.PlainPeels <= 0
            ? []
            : Fraudar.Run(graph, new FraudarParameters { MaxBlocks = options.PlainPeels, MinSources = options.MinAccounts }, null, cancellationToken).Blocks;
}
