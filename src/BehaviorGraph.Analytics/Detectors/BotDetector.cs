using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Lockstep;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// Bot clusters from lockstep co-action on engagement events (like, share, view, follow, comment). Score:
/// 0.35 × synchrony (1 − median gap / window) + 0.35 × shared targets per pair (saturating at twice the minimum)
/// + 0.3 × size (saturating at <see cref="BotOptions.SizeSaturation"/>). A group whose synchrony chance could explain
/// (<see cref="DetectorMath.SynchronyChanceBound"/> above <see cref="BotOptions.MaxSynchronyChance"/>) is not reported;
/// its members keep their lockstep features.
/// </summary>
internal static class BotDetector
{
    public static BotDetection Detect(PlatformData data, AccountIdentifiers identifiers, BotOptions options, CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var events = data.Events;
        var count = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events.Target[i] >= 0 && EventTypeCodes.IsEngagement(events.Type[i]))
            {
                count++;
            }
        }

        var actors = new int[count];
        var targets = new int[count];
        var times = new long[count];
        var at = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events.Target[i] >= 0 && EventTypeCodes.IsEngagement(events.Type[i]))
            {
                actors[at] = events.Actor[i];
                targets[at] = events.Target[i];
                times[at] = events.TimestampMs[i];
                at++;
            }
        }

        var actorIds = new long[n];
        for (var a = 0; a < n; a++)
        {
            actorIds[a] = a;
        }

        var targetIds = new long[data.ContentCount + n];
        for (var t = 0; t < targetIds.Length; t++)
        {
            targetIds[t] = t;
        }

        var input = new LockstepInput(actors, targets, times, actorIds, targetIds);
        var parameters = new LockstepParameters
        {
            WindowMs = options.WindowMs,
            MaxEventsPerWindow = options.MaxEventsPerWindow,
            MinSharedTargets = options.MinSharedTargets,
            MinPairDegree = options.MinPairDegree,
            MinGroupSize = Math.Max(2, options.MinMembers),
        };
        var result = Lockstep.Run(input, parameters, null, cancellationToken);

        var groupSize = new int[n];
        var synchrony = new float[n];
        var sharedTargets = new int[n];
        var candidates = new List<ClusterCandidate>();
        foreach (var group in result.Groups)
        {
            var size = group.MemberCount;
            var sync = DetectorMath.Clamp01(1 - ((double)group.MedianSpreadMs / options.WindowMs));
            var perPair = group.PairCount == 0 ? 0 : (double)group.CoActions / group.PairCount;
            foreach (var m in group.Members)
            {
                groupSize[m] = size;
                synchrony[m] = (float)sync;
                sharedTargets[m] = group.SharedTargetCount;
            }

            var score = (0.35 * sync)
                + (0.35 * DetectorMath.Clamp01(perPair / (2.0 * options.MinSharedTargets)))
                + (0.3 * DetectorMath.Clamp01((double)size / options.SizeSaturation));
            var chance = DetectorMath.SynchronyChanceBound(group.CoActions, group.MedianSpreadMs, options.WindowMs);
            if (size < options.MinMembers || score < options.MinScore || chance > options.MaxSynchronyChance)
            {
                continue;
            }

            var (sharedDevices, sharedIps) = identifiers.SharedAmong(group.Members);
            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{size} accounts acting in lockstep on {group.SharedTargetCount} shared target(s): {group.CoActions:N0} co-actions across {group.PairCount:N0} pairs " +
                $"({perPair:0.0} targets per pair), median gap {group.MedianSpreadMs / 1000.0:0}s within a {options.WindowMs / 60_000.0:0}-minute window " +
                $"(chance of such synchrony {(chance < 1e-300 ? "< 1e-300" : $"≤ {chance:0.#e+0}")}); " +
                $"{sharedDevices} shared device(s) and {sharedIps} shared IP(s)");
            var figures = new Dictionary<string, double>
            {
                ["size"] = size,
                ["sharedTargets"] = group.SharedTargetCount,
                ["pairs"] = group.PairCount,
                ["coActions"] = group.CoActions,
                ["targetsPerPair"] = Math.Round(perPair, 3),
                ["medianGapSeconds"] = Math.Round(group.MedianSpreadMs / 1000.0, 1),
                ["synchrony"] = Math.Round(sync, 4),
                ["synchronyChance"] = chance,
                ["sharedDevices"] = sharedDevices,
                ["sharedIps"] = sharedIps,
            };
            candidates.Add(new ClusterCandidate(group.Members, score, evidence, figures));
        }

        var (clusters, ordered) = ClusterNaming.Name(ClusterKind.Bot, "bot", candidates, data.AccountKeys);
        return new BotDetection(clusters, ordered, groupSize, synchrony, sharedTargets, count, result.BurstEventsSkipped, result.CandidatePairs, result.KeptPairs);
    }
}
