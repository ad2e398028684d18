using System.Globalization;
using BehaviorGraph.Analytics.Algorithms.Lockstep;
using BehaviorGraph.Analytics.Projection;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Detectors.Bots;

/// <summary>
/// Bot clusters from lockstep co-action on engagement events (like, share, view, follow, comment): groups of pairs
/// whose co-action chance does not explain (see <see cref="BotParameters"/>). Score: significance (the median pair's
/// chance, <see cref="BotParameters.FullSignificanceLogChance"/> counting fully) and size (log scale, saturating at
/// <see cref="BotParameters.SizeSaturation"/>), weighted. A group whose co-actions are mostly on its own members'
/// content is a community, not a bot cluster (see <see cref="InternalShare"/>); its members keep their lockstep
/// features. Features: each account's lockstep group size, synchrony and shared targets, and the score and size of
/// the bot cluster it belongs to.
/// </summary>
internal sealed class BotDetector(BotParameters parameters) : IDetector
{
    public string Name => "bots";

    public IReadOnlyList<FeatureDefinition> Features { get; } =
    [
        AccountFeatures.LockstepGroupSize, AccountFeatures.LockstepSynchrony, AccountFeatures.LockstepSharedTargets,
        AccountFeatures.BotScore, AccountFeatures.BotSize,
    ];

    public bool CrossReferencesOverlaps => true;

    public DetectorOutput Run(DetectorContext context, CancellationToken cancellationToken)
    {
        var bots = Detect(context.Data, context.Graphs, context.Identifiers, context.Previous, cancellationToken);
        var n = context.Data.AccountCount;
        var groupSize = new float[n];
        var sharedTargets = new float[n];
        for (var a = 0; a < n; a++)
        {
            groupSize[a] = bots.GroupSize[a];
            sharedTargets[a] = bots.SharedTargets[a];
        }

        var (botScore, botSize) = ClusterColumns.ScoreAndSize(bots.Ordered, n);
        return new DetectorOutput(
            bots.Clusters,
            [
                new FeatureColumn(AccountFeatures.LockstepGroupSize, groupSize),
                new FeatureColumn(AccountFeatures.LockstepSynchrony, bots.Synchrony),
                new FeatureColumn(AccountFeatures.LockstepSharedTargets, sharedTargets),
                new FeatureColumn(AccountFeatures.BotScore, botScore),
                new FeatureColumn(AccountFeatures.BotSize, botSize),
            ],
            Summarize(bots))
        {
            State = bots.State.Encode(),
        };
    }

    private static string Summarize(BotDetection bots)
    {
        var found = string.Create(CultureInfo.InvariantCulture,
            $"{bots.Clusters.Count} bot cluster(s) from {bots.SignificantPairs:N0} lockstep pairs ({bots.TestedPairs:N0} tested of {bots.CandidatePairs:N0} co-acting)");
        if (bots.Incremental is not { } re)
        {
            return found;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{found}; incremental: re-paired {re.RepairedEngagements:N0} engagements within the widest window of the new ones on {re.TouchedTargets:N0} of {re.Targets:N0} targets ({re.TouchedPairsBefore:N0} co-acting pairs there before, {re.TouchedPairsAfter:N0} now), " +
            $"re-counted {re.Recounted:N0} pairs over all their shared targets, {re.Carried:N0} of them tested pairs carried from the previous run (no co-action on a touched target; re-tested against the moved chance rates)");
    }

    private BotDetection Detect(PlatformData data, PlatformGraphs graphs, AccountIdentifiers identifiers, IncrementalScope? previous, CancellationToken cancellationToken)
    {
        var n = data.AccountCount;
        var events = data.Events;
        var count = 0;
        var seen = previous?.FirstNewEvent ?? events.Count;
        var seenEngagements = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events.Target[i] >= 0 && EventTypeCodes.IsEngagement(events.Type[i]))
            {
                count++;
                seenEngagements += i < seen ? 1 : 0;
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
        var lockstep = new LockstepParameters
        {
            WindowsMs = parameters.WindowsMs,
            MaxPartners = parameters.MaxPartners,
            MinSharedTargets = parameters.MinSharedTargets,
            FalseDiscoveryRate = parameters.FalseDiscoveryRate,
            MinPairDegree = parameters.MinPairDegree,
            MinGroupSize = Math.Max(2, parameters.MinMembers),
        };
        var carried = previous is null ? null : BotState.TryDecode(previous.StateOf(Name));
        LockstepResult result;
        LockstepCarry carry;
        LockstepIncrementalCounts? incremental = null;
        if (carried is not null && carried.Continues(lockstep, previous!.FirstNewEvent, seenEngagements, n, data.ContentCount))
        {
            (result, carry, incremental) = Lockstep.RunIncremental(input, lockstep, carried.Carry, cancellationToken);
        }
        else
        {
            (result, carry) = Lockstep.RunKeepingCarry(input, lockstep, null, cancellationToken);
        }

        var state = new BotState([.. lockstep.WindowsMs], lockstep.MaxPartners, lockstep.MinSharedTargets, events.Count, n, data.ContentCount, carry);

        var groupSize = new int[n];
        var synchrony = new float[n];
        var sharedTargets = new int[n];
        var candidates = new List<ClusterCandidate>();
        foreach (var group in result.Groups)
        {
            var size = group.MemberCount;
            var sync = DetectorMath.Clamp01(1 - ((double)group.MedianSpreadMs / group.WindowMs));
            foreach (var m in group.Members)
            {
                groupSize[m] = size;
                synchrony[m] = (float)sync;
                sharedTargets[m] = group.SharedTargetCount;
            }

            if (size < parameters.MinMembers || InternalShare(group, data, graphs.ContentOwner) >= parameters.MaxInternalShare)
            {
                continue;
            }

            var perPair = group.PairCount == 0 ? 0 : (double)group.CoActions / group.PairCount;
            var significance = DetectorMath.Clamp01(-group.MedianPairLogChance / parameters.FullSignificanceLogChance);
            var score = (parameters.SignificanceWeight * significance) + (parameters.SizeWeight * DetectorMath.Clamp01(Math.Log2(size) / Math.Log2(Math.Max(2, parameters.SizeSaturation))));
            var (sharedDevices, sharedIps) = identifiers.SharedAmong(group.Members);
            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{size} accounts acting in lockstep on {group.SharedTargetCount} shared target(s): {group.CoActions:N0} co-actions within {group.WindowMs / 60_000.0:0} minutes " +
                $"(each at a separate time) across {group.PairCount:N0} pairs ({perPair:0.0} per pair) where chance on the targets they share predicts {group.ExpectedCoActions:0.0}, " +
                $"median gap {group.MedianSpreadMs / 1000.0:0}s; the median pair's chance is below e^{group.MedianPairLogChance:0} " +
                $"(lockstep at a {parameters.FalseDiscoveryRate:P0} false discovery rate over {result.CandidatePairs:N0} co-acting pairs); " +
                $"{sharedDevices} shared device(s) and {sharedIps} shared IP(s)");
            var figures = new Dictionary<string, double>
            {
                ["size"] = size,
                ["sharedTargets"] = group.SharedTargetCount,
                ["pairs"] = group.PairCount,
                ["coActions"] = group.CoActions,
                ["expectedCoActions"] = Math.Round(group.ExpectedCoActions, 3),
                ["coActionsPerPair"] = Math.Round(perPair, 3),
                ["windowMinutes"] = group.WindowMs / 60_000.0,
                ["medianGapSeconds"] = Math.Round(group.MedianSpreadMs / 1000.0, 1),
                ["synchrony"] = Math.Round(sync, 4),
                ["medianPairLogChance"] = Math.Round(group.MedianPairLogChance, 2),
                ["sharedDevices"] = sharedDevices,
                ["sharedIps"] = sharedIps,
            };
            candidates.Add(new ClusterCandidate(group.Members, score, evidence, figures));
        }

        var (clusters, ordered) = ClusterNaming.Name(ClusterKind.Bot, "bot", candidates, data.AccountKeys);
        return new BotDetection(clusters, ordered, groupSize, synchrony, sharedTargets, count, result.FloodedEvents, result.CandidatePairs, result.TestedPairs, result.SignificantPairs, state, incremental);
    }

    /// <summary>
    /// Share of a group's co-action targets that are its own: members' content or members themselves. A community
    /// engaging its own posts together is the ring detector's to judge (spam ring or friends), not bought engagement.
    /// </summary>
    private static double InternalShare(LockstepGroup group, PlatformData data, int[] contentOwner)
    {
        if (group.SharedTargetCount == 0)
        {
            return 0;
        }

        var members = new HashSet<int>(group.Members);
        var internalTargets = 0;
        foreach (var target in group.SharedTargetIds)
        {
            var account = data.TargetAccount((int)target);
            var behind = account >= 0 ? account : contentOwner[(int)target];
            internalTargets += members.Contains(behind) ? 1 : 0;
        }

        return (double)internalTargets / group.SharedTargetCount;
    }
}
