namespace BehaviorGraph.Synthetic.Tests;

/// <summary>Hard negatives (dense honest friend groups, several viral bursts) and the benign-only platform.</summary>
public sealed class HardNegativeVariantTests
{
    [Theory]
    [InlineData("hard-negatives")]
    [InlineData("benign-only")]
    public void FriendGroups_AreDenseReciprocalAndHonest(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        SyntheticOptions options = GridFiles.Options(name);
        var follows = files.Events.Where(e => e.Type == "follow").Select(e => (e.Actor, e.Target)).ToHashSet();
        var groups = files.HardNegatives.Where(h => h.Kind == "friends").ToList();

        Assert.NotEmpty(groups);
        foreach (TruthCluster group in groups)
        {
            var members = group.Members.ToHashSet();
            int n = group.Members.Count;
            int mutual = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    if (follows.Contains((group.Members[i], group.Members[j])) && follows.Contains((group.Members[j], group.Members[i])))
                    {
                        mutual++;
                    }
                }
            }

            double density = mutual / (n * (n - 1) / 2.0);
            int messages = files.Events.Count(e => e.Type == "message" && members.Contains(e.Actor) && members.Contains(e.Target));
            int reportsInside = files.Events.Count(e => e.Type == "report" && members.Contains(e.Target) && members.Contains(e.Actor));
            int negativeRatings = files.Events.Count(e => e.Type == "rate" && members.Contains(e.Actor) && e.Value.StartsWith('-'));
            int ratings = files.Events.Count(e => e.Type == "rate" && members.Contains(e.Actor));

            Assert.InRange(n, options.FriendGroupSize.Min, options.FriendGroupSize.Max);
            Assert.True(density >= 0.35, $"{name} {group.Id}: mutual follow density {density:F2}");
            Assert.True(messages >= 3 * n, $"{name} {group.Id}: {messages} messages inside the group");
            Assert.Equal(0, reportsInside);
            Assert.True(negativeRatings <= 0.3 * ratings + 1, $"{name} {group.Id}: {negativeRatings} of {ratings} ratings are negative");
        }
    }

    [Fact]
    public void FriendGroupsThatJoinedTogether_SignedUpWithinTheirStatedDays()
    {
        GeneratedFiles files = GridFiles.Of("hard-negatives");
        Dictionary<string, DateTime> signup = files.Events.Where(e => e.Type == "signup").ToDictionary(e => e.Actor, e => e.Ts);

        foreach (TruthCluster group in files.HardNegatives.Where(h => h.Kind == "friends"))
        {
            var times = group.Members.Select(m => signup[m]).ToList();
            if (group.Json.GetProperty("joinedTogether").GetBoolean())
            {
                Assert.True(times.Max() - times.Min() <= TimeSpan.FromDays(group.Json.GetProperty("signupDays").GetInt32()));
            }
        }
    }

    [Theory]
    [InlineData("hard-negatives")]
    [InlineData("benign-only")]
    public void ViralBursts_AreAsManyAsRequested_EachAnHourLongPileOnOfItsOwnItem(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        var bursts = files.HardNegatives.Where(h => h.Kind == "viral").ToList();

        Assert.Equal(GridFiles.Options(name).ViralBursts, bursts.Count);
        Assert.Equal(bursts.Count, bursts.Select(b => b.Json.GetProperty("target").GetString()).Distinct().Count());
        foreach (TruthCluster burst in bursts)
        {
            string target = burst.Json.GetProperty("target").GetString()!;
            DateTime start = DateTime.Parse(burst.Json.GetProperty("start").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
            var participants = burst.Members.ToHashSet();
            int likedInTheHour = files.Events.Where(e => e.Type == "like" && e.Target == target && participants.Contains(e.Actor) && e.Ts >= start && e.Ts < start.AddMinutes(62))
                .Select(e => e.Actor).Distinct().Count();

            Assert.Equal(participants.Count, likedInTheHour);
        }
    }

    [Fact]
    public void BenignOnly_PlantsNoAbuseOfAnyKind()
    {
        GeneratedFiles files = GridFiles.Of("benign-only");
        var accountsPerDevice = files.Events.GroupBy(e => e.Device).Select(g => g.Select(e => e.Actor).Distinct().Count()).ToList();

        Assert.Empty(files.Clusters);
        Assert.Equal((0, 0, 0, 0), (files.Summary.Rings, files.Summary.BotClusters, files.Summary.Farms, files.Summary.Blocks));
        Assert.True(GridFiles.Options("benign-only").PlantsNoAbuse);
        // No device pools or data-centre proxies: the widest shared device is a household's.
        Assert.True(accountsPerDevice.Max() <= 5, $"a device shared by {accountsPerDevice.Max()} accounts");
        Assert.DoesNotContain(files.Events, e => e.Ip.StartsWith("185.220.", StringComparison.Ordinal));
        Assert.Equal(0, files.Summary.LabelledAbusive - files.LabelLines.Skip(1).Count(l => l.EndsWith(",abusive", StringComparison.Ordinal)));
        Assert.True(files.Summary.LabelledAbusive <= 0.05 * files.Summary.LabelledBenign, "only flipped labels can say abusive on a benign-only platform");
    }
}
