namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// Temporal co-action detection in the CopyCatch / SynchroTrap spirit, tested against chance, without any all-pairs
/// step over accounts:
/// <list type="number">
/// <item>each actor's first engagement per target, per target in time order — O(N log N);</item>
/// <item>per target and scale, the chance that two engagers co-act (<see cref="ChanceRates"/>: the platform's median
/// for targets of that size);</item>
/// <item>per target, a sliding window emits each actor pair within the widest scale once, with their gap — bounded
/// by <see cref="LockstepParameters.MaxPartners"/> per event, parallel over target ranges;</item>
/// <item>sort the (pair, target) records by pair; a pair's co-actions at scale W are its targets with gap ≤ W. Under
/// chance its co-actions are a sum of independent Bernoulli trials, one per target both engaged (each target once),
/// with that target's chance rate, so P(at least x) ≤ e^−λ (eλ/x)^x (Chernoff) for λ the summed rates — the targets
/// both engaged come from intersecting their target lists; the best scale pays a Bonferroni factor;</item>
/// <item>Benjamini–Hochberg over every pair that co-acted at all keeps the false discovery rate; significant pairs
/// form a graph over actors, peeled to a minimum degree and split into connected components.</item>
/// </list>
/// Memory is 16 bytes per (pair, target) record. Deterministic: range outputs are joined in range order.
/// </summary>
public static partial class Lockstep
{
    private const int TargetGrain = 2048;

    public static LockstepResult Run(LockstepInput input, LockstepParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        RunKeepingCarry(input, parameters, progress, cancellationToken).Result;

    /// <summary>A full run, plus what an incremental run after it needs (see <see cref="RunIncremental"/>).</summary>
    internal static (LockstepResult Result, LockstepCarry Carry) RunKeepingCarry(
        LockstepInput input, LockstepParameters parameters, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        Validate(parameters);

        var timelines = TargetTimelines.Build(input, cancellationToken);
        var chance = ChanceRates.Measure(timelines, parameters.WindowsMs);
        progress?.Report(0.2);
        var (keys, payload, flooded) = EmitPairs(timelines, parameters, cancellationToken);
        progress?.Report(0.4);
        Array.Sort(keys, payload);
        progress?.Report(0.6);
        var tested = TestPairs(keys, payload, timelines, chance, parameters, cancellationToken);
        progress?.Report(0.8);
        var (groups, kept) = BuildGroups(input, timelines, chance, tested.Significant, tested.Cutoff, payload, parameters, cancellationToken);
        progress?.Report(1.0);
        var result = new LockstepResult(
            groups, timelines.EngagementCount, timelines.TargetCount, flooded, keys.Length, tested.Pairs, tested.Tested, tested.Significant.Count, kept);
        return (result, new LockstepCarry(input.Count, keys.Length, tested.Pairs, TestedKeys(keys, parameters)));
    }

    private static void Validate(LockstepParameters parameters)
    {
        var windows = parameters.WindowsMs;
        if (windows is null || windows.Count == 0 || windows[0] <= 0)
        {
            throw new ArgumentException("WindowsMs needs at least one positive window.", nameof(parameters));
        }

        for (var s = 1; s < windows.Count; s++)
        {
            if (windows[s] <= windows[s - 1])
            {
                throw new ArgumentException($"WindowsMs must be strictly ascending ({windows[s - 1]} then {windows[s]}).", nameof(parameters));
            }
        }

        if (windows[^1] > int.MaxValue)
        {
            throw new ArgumentException($"The widest window ({windows[^1]} ms) must fit a 32-bit gap.", nameof(parameters));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MaxPartners, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MinSharedTargets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MinGroupSize, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(parameters.MinPairDegree);
        if (parameters.FalseDiscoveryRate is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.FalseDiscoveryRate, "FalseDiscoveryRate must be in (0, 1).");
        }
    }
}
