namespace BehaviorGraph.Synthetic.Tests;

/// <summary>Data-centre farms: many emulator accounts, each with its own device id, rotating over a few data-centre IPs, signing up over days and running one script.</summary>
public sealed class FarmTests
{
    [Theory]
    [InlineData("farms")]
    [InlineData("farms-large")]
    [InlineData("everything")]
    public void FarmMembers_ActOnlyFromTheFarmsFewAddresses_EachOnItsOwnDevice(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        SyntheticOptions options = GridFiles.Options(name);
        var accountsPerDevice = files.Events.GroupBy(e => e.Device).ToDictionary(g => g.Key, g => g.Select(e => e.Actor).Distinct().Count());

        Assert.NotEmpty(files.OfKind("farm"));
        foreach (TruthCluster farm in files.OfKind("farm"))
        {
            var members = farm.Members.ToHashSet();
            var ips = farm.Json.GetProperty("ips").EnumerateArray().Select(i => i.GetString()!).ToHashSet();
            var own = files.Events.Where(e => members.Contains(e.Actor)).ToList();

            Assert.InRange(farm.Members.Count, options.FarmSize.Min, options.FarmSize.Max);
            Assert.InRange(ips.Count, options.FarmIps.Min, options.FarmIps.Max);
            Assert.Equal(ips, own.Select(e => e.Ip).ToHashSet());
            Assert.All(own, e => Assert.Equal(1, accountsPerDevice[e.Device]));
            Assert.All(members, m => Assert.Single(own.Where(e => e.Actor == m).Select(e => e.Device).Distinct()));
            Assert.DoesNotContain(own, e => e.Type == "post");
        }
    }

    [Theory]
    [InlineData("farms")]
    [InlineData("farms-large")]
    public void FarmSignups_SpreadOverTheDaysDrawnFromTheRequestedRange(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        SyntheticRange requested = GridFiles.Options(name).FarmSignupDays;
        Dictionary<string, DateTime> signup = files.Events.Where(e => e.Type == "signup").ToDictionary(e => e.Actor, e => e.Ts);

        foreach (TruthCluster farm in files.OfKind("farm"))
        {
            int days = farm.Json.GetProperty("signupDays").GetInt32();
            var times = farm.Members.Select(m => signup[m]).ToList();

            Assert.InRange(days, requested.Min, requested.Max);
            Assert.True(times.Max() - times.Min() <= TimeSpan.FromDays(days), $"{farm.Id}: signups span {times.Max() - times.Min()} for {days} day(s)");
            Assert.True(times.Max() - times.Min() >= TimeSpan.FromDays(days * 0.5), $"{farm.Id}: signups span only {times.Max() - times.Min()}");
        }
    }

    [Fact]
    public void LargeFarms_PutMoreThanFiftyAccountsOnEachAddress()
    {
        GeneratedFiles files = GridFiles.Of("farms-large");

        foreach (TruthCluster farm in files.OfKind("farm"))
        {
            var members = farm.Members.ToHashSet();
            var perIp = files.Events.Where(e => members.Contains(e.Actor)).GroupBy(e => e.Ip).Select(g => g.Select(e => e.Actor).Distinct().Count()).ToList();

            Assert.All(perIp, n => Assert.True(n > 50, $"{farm.Id}: an address with {n} accounts"));
        }
    }

    [Theory]
    [InlineData("farms")]
    [InlineData("farms-large")]
    public void FarmMembers_RunTheSameScript_InOneDailySlot(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);

        foreach (TruthCluster farm in files.OfKind("farm"))
        {
            var members = farm.Members.ToHashSet();
            var loginMinutes = files.Events.Where(e => e.Type == "login" && members.Contains(e.Actor) && e.Ts >= WindowStart(files))
                .Select(e => (e.Ts.Hour * 60) + e.Ts.Minute).ToList();

            // The slot is three hours plus a ten-minute jitter either side: the smallest arc of the day holding every login.
            Assert.True(SmallestArc(loginMinutes) <= (3 * 60) + 25, $"{farm.Id}: logins spread over {SmallestArc(loginMinutes)} minutes of the day");
            var actionsPerMember = farm.Members.Select(m => files.Events.Count(e => e.Actor == m && e.Type is "view" or "like" or "follow")).ToList();
            Assert.True(actionsPerMember.Min() > 0);
            Assert.True(actionsPerMember.Max() <= 3 * actionsPerMember.Min() + 20, $"{farm.Id}: members act {actionsPerMember.Min()}-{actionsPerMember.Max()} times");
        }
    }

    private static DateTime WindowStart(GeneratedFiles files) =>
        DateTime.Parse(files.TruthRoot.GetProperty("windowStart").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

    private static int SmallestArc(List<int> minutes)
    {
        var sorted = minutes.Distinct().Order().ToList();
        int largestGap = (sorted[0] + 1440) - sorted[^1];
        for (int i = 1; i < sorted.Count; i++)
        {
            largestGap = Math.Max(largestGap, sorted[i] - sorted[i - 1]);
        }

        return 1440 - largestGap;
    }
}
