using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Synthetic.Tests;

[Collection(GeneratedPlatformCollection.Name)]
public sealed partial class EventsFileTests(GeneratedPlatform platform)
{
    [Fact]
    public void Header_IsExactlyTheEventContract()
    {
        Assert.Equal("event_id,ts,type,actor,target,target_kind,value,device,ip", platform.EventLines[0]);
    }

    [Fact]
    public void Summary_CountsEveryRowAndAboutFiftyEventsPerAccount()
    {
        Assert.Equal(platform.EventLines.Length - 1, platform.Summary.Events);
        Assert.InRange(platform.Summary.Events / (double)GeneratedPlatform.Accounts, 35, 70);
    }

    [Fact]
    public void EventIds_AreUniqueAndSynPrefixed()
    {
        Assert.All(platform.Events, e => Assert.Matches(SynId(), e.EventId));
        Assert.Equal(platform.Events.Count, platform.Events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Events_AreSortedByTime_AndUseTheKnownVocabulary()
    {
        for (int i = 1; i < platform.Events.Count; i++)
        {
            Assert.True(platform.Events[i - 1].Ts <= platform.Events[i].Ts, $"row {i + 1} goes back in time");
        }

        Assert.All(platform.Events, e => Assert.True(EventTypes.IsKnown(e.Type), e.Type));
        Assert.Equal(EventTypes.Known.Order(), platform.Events.Select(e => e.Type).Distinct().Order());
    }

    [Fact]
    public void Timestamps_AreIsoUtcWithZ()
    {
        Assert.All(platform.EventLines.Skip(1), line => Assert.Matches(IsoUtc(), line.Split(',')[1]));
    }

    [Fact]
    public void TargetKind_MatchesType_AndSignupOrLoginHaveNoTarget()
    {
        foreach (CsvEvent e in platform.Events)
        {
            switch (EventTypes.DefaultTargetKind(e.Type))
            {
                case TargetKind.None:
                    Assert.Equal("", e.Target);
                    Assert.Equal("", e.TargetKind);
                    break;
                case TargetKind.Account:
                    Assert.Equal("account", e.TargetKind);
                    Assert.Matches(AccountId(), e.Target);
                    Assert.NotEqual(e.Actor, e.Target);
                    break;
                case TargetKind.Content:
                    Assert.Equal("content", e.TargetKind);
                    Assert.Matches(ContentId(), e.Target);
                    break;
            }
        }
    }

    [Fact]
    public void Value_IsPresentOnlyOnRate_WithinMinusTenToTen()
    {
        foreach (CsvEvent e in platform.Events)
        {
            if (e.Type == EventTypes.Rate)
            {
                int value = int.Parse(e.Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(value, -10, 10);
            }
            else
            {
                Assert.Equal("", e.Value);
            }
        }

        var rates = platform.Events.Where(e => e.Type == EventTypes.Rate).Select(e => int.Parse(e.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(rates.Count(v => v > 0) > rates.Count / 2, "ratings are mostly positive");
    }

    [Fact]
    public void Identifiers_AreCleanAccountDeviceAndIpv4Values()
    {
        foreach (CsvEvent e in platform.Events)
        {
            Assert.Matches(AccountId(), e.Actor);
            Assert.Matches(DeviceId(), e.Device);
            Assert.True(IPAddress.TryParse(e.Ip, out IPAddress? ip) && ip.AddressFamily == AddressFamily.InterNetwork && ip.ToString() == e.Ip, e.Ip);
        }
    }

    [Fact]
    public void EveryAccountSignsUpOnce_BeforeItActs()
    {
        var signups = platform.Events.Where(e => e.Type == EventTypes.Signup).ToList();
        Assert.Equal(GeneratedPlatform.Accounts, signups.Count);
        Assert.Equal(GeneratedPlatform.Accounts, signups.Select(e => e.Actor).Distinct().Count());

        Dictionary<string, DateTime> signedUp = signups.ToDictionary(e => e.Actor, e => e.Ts);
        Assert.All(platform.Events, e => Assert.True(signedUp[e.Actor] <= e.Ts, $"{e.EventId} before {e.Actor} signed up"));
    }

    [Fact]
    public void EveryContentItemIsPostedOnceByItsOwner_BeforeAnyoneEngagesWithIt()
    {
        var posts = platform.Events.Where(e => e.Type == EventTypes.Post).ToList();
        Assert.Equal(posts.Count, posts.Select(p => p.Target).Distinct().Count());
        Dictionary<string, DateTime> posted = posts.ToDictionary(p => p.Target, p => p.Ts);

        foreach (CsvEvent e in platform.Events.Where(e => e.TargetKind == "content" && e.Type != EventTypes.Post))
        {
            Assert.True(posted.TryGetValue(e.Target, out DateTime at) && at <= e.Ts, $"{e.EventId} engages with {e.Target} before it was posted");
        }
    }

    [Fact]
    public void Activity_IsEveningHeavy()
    {
        var logins = platform.Events.Where(e => e.Type == EventTypes.Login && !platform.TruthMembers.Contains(e.Actor)).ToList();
        int evening = logins.Count(e => e.Ts.Hour is >= 18 and <= 22);
        int night = logins.Count(e => e.Ts.Hour is >= 2 and <= 6);

        Assert.True(evening > 5 * night, $"evening {evening}, night {night}");
    }

    [Fact]
    public void Engagement_ConcentratesOnPopularContent()
    {
        var likes = platform.Events.Where(e => e.Type == EventTypes.Like).GroupBy(e => e.Target).Select(g => g.Count()).OrderDescending().ToList();
        int contentCount = platform.Events.Count(e => e.Type == EventTypes.Post);
        int topOnePercent = likes.Take(Math.Max(1, contentCount / 100)).Sum();

        Assert.True(topOnePercent > likes.Sum() / 5, $"top 1% of content holds {topOnePercent} of {likes.Sum()} likes");
    }

    [GeneratedRegex("^syn-[1-9][0-9]*$")]
    private static partial Regex SynId();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]
    private static partial Regex IsoUtc();

    [GeneratedRegex("^a[1-9][0-9]*$")]
    private static partial Regex AccountId();

    [GeneratedRegex("^c[1-9][0-9]*$")]
    private static partial Regex ContentId();

    [GeneratedRegex("^d[1-9][0-9]*$")]
    private static partial Regex DeviceId();
}
