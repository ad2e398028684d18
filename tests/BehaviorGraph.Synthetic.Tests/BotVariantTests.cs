namespace BehaviorGraph.Synthetic.Tests;

/// <summary>Bot jobs are delivered within the requested spread, front-loaded or evenly paced as asked.</summary>
public sealed class BotVariantTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("bots-5min")]
    [InlineData("bots-30min-uniform")]
    [InlineData("bots-60min-uniform")]
    [InlineData("bots-60min-bursty")]
    public void EveryJob_IsDeliveredByItsParticipantsWithinTheRequestedSpread(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        SyntheticOptions options = GridFiles.Options(name);

        Assert.NotEmpty(files.OfKind("bot"));
        foreach ((TruthCluster bots, Job job, List<double> lags) in Jobs(files))
        {
            int spread = bots.Json.GetProperty("jobSpreadSeconds").GetInt32();
            Assert.InRange(spread, options.BotJobSpreadMinutes.Min * 60, options.BotJobSpreadMinutes.Max * 60);
            Assert.Equal(options.BotJobTiming.ToString().ToLowerInvariant(), bots.Json.GetProperty("jobTiming").GetString());

            // Every participant acts within the spread (a follow-up like or share lands seconds after the view).
            int within = lags.Count(l => l < spread);
            Assert.True(within >= job.Participants, $"{name} {bots.Id} {job.Target}: {within} of {job.Participants} participants within {spread} s");
            Assert.True(within <= job.Participants + 1, $"{name} {bots.Id} {job.Target}: {within} members acted, {job.Participants} planted");
        }
    }

    [Theory]
    [InlineData("bots-30min-uniform")]
    [InlineData("bots-60min-uniform")]
    public void UniformJobs_SpreadEvenlyOverTheWholeSpread(string name)
    {
        var relative = Relative(GridFiles.Of(name));

        double median = relative.Order().ElementAt(relative.Count / 2);
        Assert.InRange(median, 0.4, 0.6);
        Assert.True(relative.Max() >= 0.95, $"{name}: the latest member acts at {relative.Max():P0} of the spread");
        Assert.InRange(relative.Count(r => r < 0.25) / (double)relative.Count, 0.18, 0.32);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("bots-5min")]
    [InlineData("bots-60min-bursty")]
    public void BurstyJobs_AreFrontLoaded_WithATailTowardsTheEndOfTheSpread(string name)
    {
        var relative = Relative(GridFiles.Of(name));

        double median = relative.Order().ElementAt(relative.Count / 2);
        Assert.InRange(median, 0.05, 0.2);
        Assert.True(relative.Max() >= 0.5, $"{name}: the latest member acts at {relative.Max():P0} of the spread");
    }

    /// <summary>Each member's first action on a job's target, relative to the job's start (seconds).</summary>
    private static IEnumerable<(TruthCluster Bots, Job Job, List<double> Lags)> Jobs(GeneratedFiles files)
    {
        foreach (TruthCluster bots in files.OfKind("bot"))
        {
            var members = bots.Members.ToHashSet();
            int spread = bots.Json.GetProperty("jobSpreadSeconds").GetInt32();
            var byTarget = files.Events.Where(e => members.Contains(e.Actor) && e.Type is "view" or "like" or "share" or "follow")
                .GroupBy(e => e.Target).ToDictionary(g => g.Key, g => g.ToList());
            foreach (System.Text.Json.JsonElement j in bots.Json.GetProperty("jobs").EnumerateArray())
            {
                var job = new Job(j.GetProperty("target").GetString()!, DateTime.Parse(j.GetProperty("start").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal), j.GetProperty("participants").GetInt32());
                var lags = byTarget.GetValueOrDefault(job.Target, [])
                    .Where(e => e.Ts >= job.Start && e.Ts < job.Start.AddSeconds(2 * spread))
                    .GroupBy(e => e.Actor)
                    .Select(g => (g.Min(e => e.Ts) - job.Start).TotalSeconds)
                    .ToList();
                yield return (bots, job, lags);
            }
        }
    }

    private static List<double> Relative(GeneratedFiles files) =>
        [.. Jobs(files).SelectMany(x => x.Lags.Select(l => l / x.Bots.Json.GetProperty("jobSpreadSeconds").GetInt32()))];

    private sealed record Job(string Target, DateTime Start, int Participants);
}
