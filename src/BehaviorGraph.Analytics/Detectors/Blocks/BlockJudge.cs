using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Fraudar;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// Turns peeled blocks into reported ones, the same way in a full and an incremental pass: each block refined and
/// settled (<see cref="Settle"/>), held to the size minimums and the bar, dropped when more than half its accounts
/// belong to a block already reported or when its targets' owners answer it (a mutual community), measured, and
/// written into the candidates, their measurements and the per-account block density.
/// </summary>
internal sealed class BlockJudge(
    BlockRefiner refiner,
    BlockMeasure measure,
    BlockParameters options,
    double chanceDensity,
    double bar,
    HashSet<int> owner,
    List<ClusterCandidate> candidates,
    List<BlockMeasurement> measurements,
    float[] blockDensity)
{
    private readonly GroupSplitParameters _split = new(1.0, options.Seed, options.SplitModularity, options.SplitMargin, options.SplitNullTrials);

    public void Judge(IEnumerable<FraudarBlock> peeled, CancellationToken cancellationToken)
    {
        foreach (var block in peeled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var refined in Settle(block, cancellationToken))
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

                Report(m);
            }
        }
    }

    /// <summary>A block reported as measured before (carried unchanged from the previous run): it owns its accounts.</summary>
    public void Carry(BlockMeasurement m)
    {
        owner.UnionWith(m.Accounts);
        Report(m);
    }

    private void Report(BlockMeasurement m)
    {
        candidates.Add(Candidate(m, chanceDensity, bar));
        measurements.Add(m);
        foreach (var a in m.Accounts)
        {
            blockDensity[a] = Math.Max(blockDensity[a], (float)m.Density);
        }
    }

    /// <summary>
    /// A peeled block refined, then each of its parts refined on its own when it falls apart: into unconnected pieces, or
    /// into sub-blocks more modular than chance (<see cref="GroupSplit"/>).
    /// </summary>
    private IEnumerable<RefinedBlock> Settle(FraudarBlock block, CancellationToken cancellationToken)
    {
        var refined = refiner.Refine(block.Sources, block.Targets);
        var parts = refined.Accounts.Length == 0 ? [] : refiner.Parts(refined);
        if (parts.Count == 1)
        {
            parts = refiner.Split(refined, _split, cancellationToken);
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
