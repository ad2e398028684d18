namespace BehaviorGraph.Synthetic.Tests;

[Collection(GeneratedPlatformCollection.Name)]
public sealed class BotClusterTests(GeneratedPlatform platform)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(new SyntheticOptions().BotJobSpreadMinutes.Max);

    [Fact]
    public void BotMembers_CoActOnTheirJobsTargetsWithinTheJobSpread()
    {
        foreach (TruthCluster bots in platform.Clusters.Where(c => c.Kind == "bot"))
        {
            var members = bots.Members.ToHashSet();
            int lockstepTargets = platform.Events
                .Where(e => e.Type is "like" or "share" or "view" or "follow" && members.Contains(e.Actor))
                .GroupBy(e => e.Target)
                .Count(g => MostDistinctActorsWithin(g, Window) >= bots.Members.Count / 2);

            Assert.True(lockstepTargets >= bots.Json.GetProperty("jobs").GetArrayLength(), $"{bots.Id}: {lockstepTargets} lockstep targets");
        }
    }

    [Fact]
    public void BotMembers_RarelyFollowEachOther()
    {
        foreach (TruthCluster bots in platform.Clusters.Where(c => c.Kind == "bot"))
        {
            var members = bots.Members.ToHashSet();
            int internalFollows = platform.Events.Count(e => e.Type == "follow" && members.Contains(e.Actor) && members.Contains(e.Target));

            Assert.True(internalFollows < 0.02 * members.Count * (members.Count - 1), $"{bots.Id}: {internalFollows} internal follows");
        }
    }

    [Fact]
    public void BotJobs_HavePartialParticipation()
    {
        foreach (TruthCluster bots in platform.Clusters.Where(c => c.Kind == "bot"))
        {
            var members = bots.Members.ToHashSet();
            var jobSizes = platform.Events
                .Where(e => e.Type is "like" or "share" or "view" or "follow" && members.Contains(e.Actor))
                .GroupBy(e => e.Target)
                .Select(g => MostDistinctActorsWithin(g, Window))
                .Where(n => n >= bots.Members.Count / 2)
                .ToList();

            Assert.Contains(jobSizes, n => n < bots.Members.Count);
        }
    }

    internal static int MostDistinctActorsWithin(IEnumerable<CsvEvent> events, TimeSpan window)
    {
        var ordered = events.OrderBy(e => e.Ts).ToList();
        var inWindow = new Dictionary<string, int>();
        int best = 0;
        int start = 0;
        foreach (CsvEvent e in ordered)
        {
            inWindow[e.Actor] = inWindow.GetValueOrDefault(e.Actor) + 1;
            while (e.Ts - ordered[start].Ts > window)
            {
                string leaving = ordered[start++].Actor;
                if (--inWindow[leaving] == 0)
                {
                    inWindow.Remove(leaving);
                }
            }

            best = Math.Max(best, inWindow.Count);
        }

        return best;
    }
}
