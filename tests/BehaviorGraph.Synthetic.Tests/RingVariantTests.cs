namespace BehaviorGraph.Synthetic.Tests;

/// <summary>The ring options do what they say: signup spread, careful members with cover, outreach.</summary>
public sealed class RingVariantTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("ring-signup-14d")]
    [InlineData("ring-signup-45d")]
    [InlineData("careful-rings")]
    [InlineData("careful-rings-quiet")]
    public void RingSignups_SpreadOverTheDaysDrawnFromTheRequestedRange(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        SyntheticRange requested = GridFiles.Options(name).RingSignupDays;
        Dictionary<string, DateTime> signup = files.Events.Where(e => e.Type == "signup").ToDictionary(e => e.Actor, e => e.Ts);
        DateTime windowStart = DateTime.Parse(files.TruthRoot.GetProperty("windowStart").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.NotEmpty(files.OfKind("ring"));
        foreach (TruthCluster ring in files.OfKind("ring"))
        {
            int days = ring.Json.GetProperty("signupDays").GetInt32();
            var times = ring.Members.Select(m => signup[m]).ToList();
            TimeSpan span = times.Max() - times.Min();

            Assert.InRange(days, requested.Min, requested.Max);
            Assert.True(span <= TimeSpan.FromDays(days), $"{name} {ring.Id}: signups span {span} for {days} day(s)");
            Assert.True(span >= TimeSpan.FromDays(days * 0.5), $"{name} {ring.Id}: signups span only {span} of {days} day(s)");
            Assert.All(times, t => Assert.True(t < windowStart, $"{name} {ring.Id}: a member signed up inside the activity window"));
        }
    }

    [Theory]
    [InlineData("careful-rings")]
    [InlineData("careful-rings-quiet")]
    public void CarefulRingsWithCover_LiveOrdinaryLives(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        var accountsPerDevice = files.Events.GroupBy(e => e.Device).ToDictionary(g => g.Key, g => g.Select(e => e.Actor).Distinct().Count());
        var accountsPerIp = files.Events.GroupBy(e => e.Ip).ToDictionary(g => g.Key, g => g.Select(e => e.Actor).Distinct().Count());
        var contentOwner = files.Events.Where(e => e.Type == "post").ToDictionary(e => e.Target, e => e.Actor);

        foreach (TruthCluster ring in files.OfKind("ring"))
        {
            var members = ring.Members.ToHashSet();
            var own = files.Events.Where(e => members.Contains(e.Actor)).ToList();
            Assert.Equal(ring.Members.Count, ring.Json.GetProperty("carefulMembers").GetInt32());
            Assert.Equal(ring.Members.Count, ring.Json.GetProperty("coveredMembers").GetInt32());

            // Careful: nobody shares a device with another account.
            Assert.All(own, e => Assert.Equal(1, accountsPerDevice[e.Device]));

            // Cover: a carrier-NAT address shared by many, ordinary sessions, posts strangers like, strangers following them.
            int onNat = ring.Members.Count(m => own.Any(e => e.Actor == m && accountsPerIp[e.Ip] >= 20));
            int activeDays = (int)ring.Members.Select(m => own.Where(e => e.Actor == m && e.Type == "login").Select(e => e.Ts.Date).Distinct().Count()).Order().ElementAt(ring.Members.Count / 2);
            int likedByStrangers = ring.Members.Count(m => files.Events.Any(e =>
                e.Type == "like" && !files.TruthMembers.Contains(e.Actor) && contentOwner.TryGetValue(e.Target, out string? owner) && owner == m));
            int followedByStrangers = ring.Members.Count(m => files.Events.Any(e => e.Type == "follow" && e.Target == m && !files.TruthMembers.Contains(e.Actor)));
            int outsideEngagement = own.Count(e => e.Type is "view" or "like" or "comment" or "share" && contentOwner.TryGetValue(e.Target, out string? owner) && !members.Contains(owner));

            Assert.True(onNat >= ring.Members.Count / 4, $"{name} {ring.Id}: {onNat} of {ring.Members.Count} members use a carrier-NAT address");
            Assert.True(activeDays >= 5, $"{name} {ring.Id}: the median member logs in on {activeDays} day(s)");
            Assert.True(likedByStrangers >= ring.Members.Count / 4, $"{name} {ring.Id}: {likedByStrangers} members have posts strangers like");
            Assert.True(followedByStrangers >= ring.Members.Count / 3, $"{name} {ring.Id}: {followedByStrangers} members are followed by strangers");
            Assert.True(outsideEngagement >= 10 * ring.Members.Count, $"{name} {ring.Id}: {outsideEngagement} engagements with others' content");
        }
    }

    [Fact]
    public void RingsWithoutCover_NeverUseAnAddressBenignAccountsUse()
    {
        GeneratedFiles files = GridFiles.Of("default");
        var benignIps = files.Events.Where(e => !files.TruthMembers.Contains(e.Actor)).Select(e => e.Ip).ToHashSet();

        foreach (TruthCluster ring in files.OfKind("ring"))
        {
            var members = ring.Members.ToHashSet();
            Assert.Equal(0, ring.Json.GetProperty("coveredMembers").GetInt32());
            Assert.DoesNotContain(files.Events, e => members.Contains(e.Actor) && benignIps.Contains(e.Ip));
        }
    }

    [Fact]
    public void RingsWithoutOutreach_MessageNoStranger()
    {
        GeneratedFiles files = GridFiles.Of("ring-outreach-0");

        foreach (TruthCluster ring in files.OfKind("ring"))
        {
            var members = ring.Members.ToHashSet();
            Assert.DoesNotContain(files.Events, e => e.Type == "message" && members.Contains(e.Actor) && !members.Contains(e.Target));
            Assert.Equal(0, ring.Json.GetProperty("strangersContacted").GetInt32());
        }
    }

    [Fact]
    public void RingsWithOutreach50_ContactFiftyStrangersPerMember()
    {
        GeneratedFiles files = GridFiles.Of("ring-outreach-50");

        foreach (TruthCluster ring in files.OfKind("ring"))
        {
            var members = ring.Members.ToHashSet();
            var outward = files.Events.Where(e => e.Type is "follow" or "message" && members.Contains(e.Actor) && !members.Contains(e.Target)).ToList();
            double messagesPerMember = outward.Count(e => e.Type == "message") / (double)members.Count;

            // Each contact is a message (60%) or a follow (40%); camouflage adds follows of popular accounts, never messages.
            Assert.True(outward.Count >= 50 * members.Count, $"{ring.Id}: {outward.Count} outward actions");
            Assert.InRange(messagesPerMember, 25, 35);
        }
    }
}
