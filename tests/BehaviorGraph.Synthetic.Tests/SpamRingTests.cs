namespace BehaviorGraph.Synthetic.Tests;

[Collection(GeneratedPlatformCollection.Name)]
public sealed class SpamRingTests(GeneratedPlatform platform)
{
    [Fact]
    public void Rings_HaveFarDenserMutualFollowsThanThePlatform()
    {
        var follows = platform.Events.Where(e => e.Type == "follow").Select(e => (e.Actor, e.Target)).ToHashSet();
        long mutualPairs = follows.Count(f => string.CompareOrdinal(f.Actor, f.Target) < 0 && follows.Contains((f.Target, f.Actor)));
        double platformDensity = mutualPairs / (GeneratedPlatform.Accounts * (GeneratedPlatform.Accounts - 1) / 2.0);

        foreach (TruthCluster ring in platform.Clusters.Where(c => c.Kind == "ring"))
        {
            int mutual = 0;
            for (int i = 0; i < ring.Members.Count; i++)
            {
                for (int j = i + 1; j < ring.Members.Count; j++)
                {
                    if (follows.Contains((ring.Members[i], ring.Members[j])) && follows.Contains((ring.Members[j], ring.Members[i])))
                    {
                        mutual++;
                    }
                }
            }

            double density = mutual / (ring.Members.Count * (ring.Members.Count - 1) / 2.0);
            Assert.True(density >= 0.2, $"{ring.Id} mutual density {density:F3}");
            Assert.True(density > 50 * platformDensity, $"{ring.Id} {density:F3} vs platform {platformDensity:F5}");
        }
    }

    [Fact]
    public void RingMembers_AreReportedMostlyByTheStrangersTheyContacted()
    {
        foreach (TruthCluster ring in platform.Clusters.Where(c => c.Kind == "ring"))
        {
            var members = ring.Members.ToHashSet();
            var contacted = platform.Events.Where(e => e.Type is "follow" or "message" && members.Contains(e.Actor)).Select(e => (e.Actor, e.Target)).ToHashSet();
            var reports = platform.Events.Where(e => e.Type == "report" && members.Contains(e.Target)).ToList();

            Assert.NotEmpty(reports);
            Assert.True(reports.Count(r => contacted.Contains((r.Target, r.Actor))) > reports.Count / 2, $"{ring.Id}: reports from strangers it never contacted");
        }
    }

    [Fact]
    public void Rings_MixCarefulMembersOnOwnDevicesWithMembersSharingDevices()
    {
        var accountsPerDevice = platform.Events.GroupBy(e => e.Device).ToDictionary(g => g.Key, g => g.Select(e => e.Actor).Distinct().Count());

        foreach (TruthCluster ring in platform.Clusters.Where(c => c.Kind == "ring"))
        {
            var devicesOf = ring.Members.ToDictionary(m => m, m => platform.Events.Where(e => e.Actor == m).Select(e => e.Device).ToHashSet());
            int careful = devicesOf.Count(d => d.Value.All(device => accountsPerDevice[device] == 1));
            int sharing = devicesOf.Count(d => d.Value.Any(device => accountsPerDevice[device] >= 3));

            Assert.True(careful >= Math.Ceiling(new SyntheticOptions().CarefulRingFraction * ring.Members.Count), $"{ring.Id}: {careful} careful of {ring.Members.Count}");
            Assert.True(sharing > 0, $"{ring.Id}: nobody shares a device");
        }
    }

    [Fact]
    public void RingOutreach_ToStrangers_IsMostlyUnreciprocated()
    {
        foreach (TruthCluster ring in platform.Clusters.Where(c => c.Kind == "ring"))
        {
            var members = ring.Members.ToHashSet();
            var outward = platform.Events.Where(e => e.Type is "follow" or "message" && members.Contains(e.Actor) && !platform.TruthMembers.Contains(e.Target)).ToList();
            var answered = platform.Events.Where(e => e.Type is "follow" or "message" && members.Contains(e.Target) && !platform.TruthMembers.Contains(e.Actor))
                .Select(e => (e.Actor, e.Target)).ToHashSet();
            int reciprocated = outward.Count(e => answered.Contains((e.Target, e.Actor)));

            Assert.True(outward.Count >= new SyntheticOptions().RingOutreach.Min * ring.Members.Count, $"{ring.Id} reached out {outward.Count} times");
            Assert.True(reciprocated < 0.15 * outward.Count, $"{ring.Id}: {reciprocated} of {outward.Count} answered");
        }
    }
}
