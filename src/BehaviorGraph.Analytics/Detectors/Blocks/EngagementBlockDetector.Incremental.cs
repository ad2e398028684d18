using BehaviorGraph.Analytics.Algorithms.Fraudar;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// The incremental pass (Spade-style, Jiang et al. PVLDB 2022: keep dense blocks up to date as edges arrive). A block
/// none of whose accounts or targets a new event touched has exactly its previous edges, so it is carried with its
/// measurement and evidence. Everything new events can have changed is re-peeled as one region
/// (<see cref="BlockRegion"/>) with the previous run's bars, then the touched blocks are re-refined from their previous
/// membership; both are judged exactly as in a full run (<see cref="BlockJudge"/>), so a block that exists only in the
/// new events is found, and a touched block that no longer clears the bar is dropped. The bars are the platform's
/// baseline (the shuffled graph's densest block), re-measured by the next full run.
/// </summary>
internal sealed partial class EngagementBlockDetector
{
    public static BlockDetection DetectIncremental(
        PlatformData data, PlatformGraphs graphs, EngagementGraph engagement, BlockParameters options, BlockState state, IncrementalScope scope, CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var blockDensity = new float[n];
        var baseline = state.Baseline;
        var peelBar = options.NullFactor * baseline.ChancePeelDensity;
        var bar = options.NullFactor * baseline.ChanceExcessDensity;
        var g = engagement.Graph;

        // The engagement graph changes only where a new engagement lands: its engager and its target. Other new events
        // (logins, posts, messages) and accounts linked by identifiers leave every block's edges as they were.
        var (engagers, engaged) = NewEngagement(data, scope, g.NodeCount);
        var carriedBlocks = new List<BlockMeasurement>();
        var touchedBlocks = new List<BlockMeasurement>();
        foreach (var block in state.Blocks)
        {
            (IsTouched(block, engagers, engaged) ? touchedBlocks : carriedBlocks).Add(block);
        }

        var measure = new BlockMeasure(data, graphs, engagement, baseline.PlatformAnsweredShare);
        var refiner = new BlockRefiner(g);
        var owner = new HashSet<int>();
        var candidates = new List<ClusterCandidate>();
        var measurements = new List<BlockMeasurement>();
        var judge = new BlockJudge(refiner, measure, options, baseline.ChanceExcessDensity, bar, owner, candidates, measurements, blockDensity);
        var carried = new bool[g.NodeCount];
        foreach (var block in carriedBlocks)
        {
            judge.Carry(block);
            Mark(carried, block);
        }

        var rows = engagers;
        var columns = engaged;
        foreach (var block in touchedBlocks)
        {
            Mark(rows, block.Accounts);
            Mark(columns, block.Targets);
        }

        var region = BlockRegion.Build(engagement, rows, columns, carried);
        IReadOnlyList<FraudarBlock> corrected = [];
        IReadOnlyList<FraudarBlock> plain = [];
        if (region.Edges > 0)
        {
            Parallel.Invoke(
                () => corrected = Fraudar.Run(
                    region.Graph,
                    new FraudarParameters { DegreeCorrected = true, MaxBlocks = options.MaxBlocks, MinSources = options.MinAccounts, MinDensity = peelBar, CoreThreshold = peelBar },
                    region.Background,
                    null,
                    cancellationToken).Blocks,
                () => plain = options.PlainPeels <= 0
                    ? []
                    : Fraudar.Run(region.Graph, new FraudarParameters { MaxBlocks = options.PlainPeels, MinSources = options.MinAccounts }, region.Background, null, cancellationToken).Blocks);
        }

        var peeled = corrected.Concat(plain).Select(region.ToEngagement).ToList();
        judge.Judge(peeled, cancellationToken);
        judge.Judge(touchedBlocks.Select(b => new FraudarBlock(b.Accounts, b.Targets, b.Edges, 0, b.G)), cancellationToken);

        var (clusters, ordered) = ClusterNaming.Name(ClusterKind.Block, "block", candidates, data.AccountKeys);
        var regionAccounts = 0;
        for (var i = 0; i < region.Rows; i++)
        {
            regionAccounts += region.Graph.Degree(i) > 0 ? 1 : 0;
        }

        return new BlockDetection(clusters, ordered, blockDensity, peeled.Count, baseline.ChanceExcessDensity, bar)
        {
            Baseline = baseline,
            Measurements = measurements,
            Work = new BlockIncrementalWork(regionAccounts, n, region.Edges, engagement.EdgeCount, touchedBlocks.Count, carriedBlocks.Count),
        };
    }

    /// <summary>
    /// The engagers (per account) and engaged targets (per engagement node) of the new events that are engagements:
    /// the only rows and columns whose edges new events can have changed.
    /// </summary>
    private static (bool[] Engagers, bool[] Engaged) NewEngagement(PlatformData data, IncrementalScope scope, int nodes)
    {
        var n = data.AccountCount;
        var engagers = new bool[n];
        var engaged = new bool[nodes];
        var events = data.Events;
        for (var e = scope.FirstNewEvent; e < events.Count; e++)
        {
            if (EngagementGraph.IsEngagement(events.Type[e]) && events.Target[e] is var target and >= 0 && n + target < nodes)
            {
                engagers[events.Actor[e]] = true;
                engaged[n + target] = true;
            }
        }

        return (engagers, engaged);
    }

    /// <summary>Whether a new engagement landed on one of the block's accounts or targets (so its edges may have changed).</summary>
    private static bool IsTouched(BlockMeasurement block, bool[] engagers, bool[] engaged)
    {
        foreach (var a in block.Accounts)
        {
            if (a >= engagers.Length || engagers[a])
            {
                return true;
            }
        }

        foreach (var v in block.Targets)
        {
            if (v >= engaged.Length || engaged[v])
            {
                return true;
            }
        }

        return false;
    }

    private static void Mark(bool[] marks, BlockMeasurement block)
    {
        Mark(marks, block.Accounts);
        Mark(marks, block.Targets);
    }

    private static void Mark(bool[] marks, int[] nodes)
    {
        foreach (var x in nodes)
        {
            marks[x] = true;
        }
    }
}
