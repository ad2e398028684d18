using System.Text.Json;

namespace BehaviorGraph.Synthetic.Tests;

[Collection(GeneratedPlatformCollection.Name)]
public sealed class HardNegativeTests(GeneratedPlatform platform)
{
    [Fact]
    public void ViralBurst_IsTheLargestOneHourPileOn_AndItsParticipantsAreBenign()
    {
        var likesByContent = platform.Events.Where(e => e.Type == "like").GroupBy(e => e.Target).ToList();
        var (content, participants) = likesByContent
            .Select(g => (Content: g.Key, Count: BotClusterTests.MostDistinctActorsWithin(g, TimeSpan.FromHours(1))))
            .MaxBy(x => x.Count);

        JsonElement viral = platform.TruthRoot.GetProperty("hardNegatives").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "viral");
        Assert.Equal(viral.GetProperty("target").GetString(), content);
        Assert.True(participants >= 100, $"burst of {participants}");

        var likers = likesByContent.Single(g => g.Key == content).Select(e => e.Actor).ToHashSet();
        Assert.True(likers.Count(a => !platform.TruthMembers.Contains(a)) >= 0.9 * likers.Count);
    }

    [Fact]
    public void ViralParticipants_DoNotCoActOnAnyOtherTarget()
    {
        JsonElement viral = platform.TruthRoot.GetProperty("hardNegatives").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "viral");
        string target = viral.GetProperty("target").GetString()!;
        var participants = viral.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToHashSet();

        int largestOtherPileOn = platform.Events
            .Where(e => e.Type is "like" or "share" && e.Target != target && participants.Contains(e.Actor))
            .GroupBy(e => e.Target)
            .Select(g => BotClusterTests.MostDistinctActorsWithin(g, TimeSpan.FromHours(1)))
            .DefaultIfEmpty(0)
            .Max();

        Assert.True(largestOtherPileOn < 0.1 * participants.Count, $"{largestOtherPileOn} participants co-acted elsewhere");
    }

    [Fact]
    public void Households_ShareADeviceAndIpAmongTwoToFiveBenignAccounts()
    {
        var households = platform.Events
            .Where(e => !platform.TruthMembers.Contains(e.Actor))
            .GroupBy(e => e.Device)
            .Select(g => g.Select(e => e.Actor).Distinct().ToList())
            .Where(accounts => accounts.Count >= 2)
            .ToList();

        Assert.NotEmpty(households);
        Assert.All(households, accounts => Assert.InRange(accounts.Count, 2, 5));
    }

    [Fact]
    public void CarrierNatIps_AreSharedByHundredsOfBenignAccounts()
    {
        int widestSharing = platform.Events
            .Where(e => !platform.TruthMembers.Contains(e.Actor))
            .GroupBy(e => e.Ip)
            .Max(g => g.Select(e => e.Actor).Distinct().Count());

        Assert.True(widestSharing >= 100, $"widest shared IP has {widestSharing} accounts");
    }
}
