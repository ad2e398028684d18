using System.Globalization;
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

        var chanceBlock = chancePeel.Blocks[0];
        var chanceRefiner = new BlockRefiner(chanceGraph);
        var chanceDensity = Math.Max(chanceRefiner.Refine(chanceBlock.Sources, chanceBlock.Targets).ExcessDensity, 0);
        foreach (var block in chancePlain)
        {
            chanceDensity = Math.Max(chanceDensity, chanceRefiner.Refine(block.Sources, block.Targets).ExcessDensity);
        }

        var peelBar = options.NullFactor * chanceBlock.Density;
        var bar = options.NullFactor * chanceDensity;
        IReadOnlyList<FraudarBlock> corrected = [];
        IReadOnlyList<FraudarBlock> plain = [];
        Parallel.Invoke(
            () => corrected = Fraudar.Run(
                engagement.Graph,
                new FraudarParameters { DegreeCorrected = true, MaxBlocks = options.MaxBlocks, MinSources = options.MinAccounts, MinDensity = peelBar, CoreThreshold = peelBar },
                null,
                cancellationToken).Blocks,
            () => plain = PlainPeel(engagement.Graph, options, cancellationToken));
        var peeled = corrected.Concat(plain).ToList();

        var measure = new BlockMeasure(data, graphs, engagement);
        var refiner = new BlockRefiner(engagement.Graph);
        var split = new GroupSplitParameters(1.0, options.Seed, options.SplitModularity, options.SplitMargin, options.SplitNullTrials);
        var owner = new HashSet<int>();
        var candidates = new List<ClusterCandidate>();
        foreach (var block in peeled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var refined in Settle(refiner, block, split, cancellationToken))
            {
                if (refined.Accounts.Length < options.MinAccounts || refined.Targets.Length < options.MinTargets
                    || refined.ExcessDensity < bar || refined.Accounts.Count(owner.Contains) * 2 > refined.Accounts.Length)
                {
                    continue;
                }

                owner.UnionWith(refined.Accounts);
                var m = measure.Of(refined, block.Density);
                if (m.IsReciprocated)
                {
                    continue;
                }

                candidates.Add(Candidate(m, chanceDensity, bar));
                foreach (var a in m.Accounts)
                {
                    blockDensity[a] = Math.Max(blockDensity[a], (float)m.Density);
                }
            }
        }

        var (clusters, ordered) = ClusterNaming.Name(ClusterKind.Block, "block", candidates, data.AccountKeys);
        return new BlockDetection(clusters, ordered, blockDensity, peeled.Count, chanceDensity, bar);
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

    /// <summary>
    /// A peeled block refined, then each of its parts refined on its own when it falls apart: into unconnected pieces, or
    /// into sub-blocks more modular than chance (<see cref="GroupSplit"/>).
    /// </summary>
    private static IEnumerable<RefinedBlock> Settle(BlockRefiner refiner, FraudarBlock block, GroupSplitParameters split, CancellationToken cancellationToken)
    {
        var refined = refiner.Refine(block.Sources, block.Targets);
        var parts = refined.Accounts.Length == 0 ? [] : refiner.Parts(refined);
        if (parts.Count == 1)
        {
            parts = refiner.Split(refined, split, cancellationToken);
        }

        if (parts.Count <= 1)
        {
            yield return refined;
            yield break;
        }

        foreach (var (accounts, targets) in parts)
        {
            yield return refiner.Refine(accounts, targets);
        }
    }

    private static ClusterCandidate Candidate(BlockMeasurement m, double chanceDensity, double bar)
    {
        var score = DetectorMath.Clamp01(1 - (chanceDensity / Math.Max(m.ExcessDensity, 1e-12)));
        var evidence = string.Create(CultureInfo.InvariantCulture,
            $"{m.Accounts.Length} accounts engaging {m.TargetCount} target(s) ({m.ContentTargets} content, {m.AccountTargets} account(s)): {m.Edges:N0} engagements, " +
            $"density {m.Density:0.000} vs {m.BackgroundDensity:0.00000} on the platform ({m.Lift:0.0}x what the accounts' and targets' activity predicts), " +
            $"{m.AnsweredShare:P0} answered by the targets' owners (platform {m.PlatformAnsweredShare:P0}), " +
            $"{m.CamouflageShare:P0} of the accounts' engagement elsewhere, over {DetectorMath.Days(m.SpanMs)}; {m.ExcessDensity:0.00} engagements above prediction per member vs {chanceDensity:0.00} in the densest block chance makes");
        var figures = new Dictionary<string, double>
        {
            ["size"] = m.Accounts.Length,
            ["targets"] = m.TargetCount,
            ["contentTargets"] = m.ContentTargets,
            ["accountTargets"] = m.AccountTargets,
            ["engagements"] = m.Edges,
            ["density"] = Math.Round(m.Density, 5),
            ["backgroundDensity"] = m.BackgroundDensity,
            ["lift"] = Math.Round(m.Lift, 3),
            ["fraudarDensity"] = Math.Round(m.G, 4),
            ["surprise"] = Math.Round(m.Surprise, 1),
            ["excessDensity"] = Math.Round(m.ExcessDensity, 3),
            ["chanceExcessDensity"] = Math.Round(chanceDensity, 3),
            ["bar"] = Math.Round(bar, 3),
            ["answeredShare"] = Math.Round(m.AnsweredShare, 4),
            ["platformAnsweredShare"] = Math.Round(m.PlatformAnsweredShare, 4),
            ["camouflageShare"] = Math.Round(m.CamouflageShare, 4),
            ["spanDays"] = Math.Round(m.SpanMs / 86_400_000.0, 2),
        };
        return new ClusterCandidate(m.Accounts, score, evidence, figures);
    }
}
