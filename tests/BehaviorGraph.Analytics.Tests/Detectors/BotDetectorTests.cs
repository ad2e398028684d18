using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Detectors;

public sealed class BotDetectorTests
{
    private const long Hour = 3_600_000L;

    /// <summary>The benign scenario plus organic likes: every benign account likes 12 random posts at random times over 30 days.</summary>
    private static TestPlatform WithOrganicLikes()
    {
        var platform = Scenarios.Benign();
        var random = new Random(3);
        var start = Scenarios.Start + (62 * TestPlatform.Day);
        for (var i = 0; i < 60; i++)
        {
            for (var k = 0; k < 12; k++)
            {
                platform.Add(start + (long)(random.NextDouble() * 30 * TestPlatform.Day), "like", $"b{i}", $"c{random.Next(60)}");
            }
        }

        return platform;
    }

    [Fact]
    public async Task GroupCoActingInJobsDaysApart_IsABotCluster_WithItsEvidence()
    {
        var platform = WithOrganicLikes();
        for (var job = 0; job < 5; job++)
        {
            var start = Scenarios.Start + (65 * TestPlatform.Day) + (job * 2 * TestPlatform.Day);
            for (var b = 0; b < 6; b++)
            {
                platform.Add(start + (b * 20_000), "like", $"bot{b}", $"c{job}");
            }
        }

        var analysis = await Analysis.RunAsync(platform);

        var bot = Assert.Single(analysis.Of(ClusterKind.Bot));
        Assert.Equal(["bot0", "bot1", "bot2", "bot3", "bot4", "bot5"], bot.Members);
        Assert.Equal(5, bot.Figures["sharedTargets"]);
        Assert.Equal(15, bot.Figures["pairs"]);
        Assert.Equal(75, bot.Figures["coActions"]);
        Assert.True(bot.Figures["expectedCoActions"] < 7.5, $"chance predicts {bot.Figures["expectedCoActions"]}");
        Assert.Contains("where chance on the targets they share predicts", bot.Evidence, StringComparison.Ordinal);
        Assert.Equal(6f, analysis.Feature("bot3", "lockstep_group_size"));
        Assert.Equal(0f, analysis.Feature("b3", "lockstep_group_size"));
    }

    [Fact]
    public async Task AccountsReachingTheSamePostsHoursApart_AreNoBotCluster()
    {
        var platform = WithOrganicLikes();
        for (var post = 0; post < 6; post++)
        {
            // Four fans of the same six posts, each arriving two to five hours after the previous one.
            var start = Scenarios.Start + (65 * TestPlatform.Day) + (post * 2 * TestPlatform.Day);
            for (var f = 0; f < 4; f++)
            {
                platform.Add(start + (f * (2 + ((f + post) % 4)) * Hour), "like", $"fan{f}", $"c{post}");
            }
        }

        var analysis = await Analysis.RunAsync(platform);

        Assert.Empty(analysis.Of(ClusterKind.Bot));
        Assert.Equal(0f, analysis.Feature("fan2", "lockstep_group_size"));
    }

    [Fact]
    public async Task ViralBurst_OfStrangersOnOneTarget_MakesNoBotCluster()
    {
        var platform = WithOrganicLikes();
        var start = Scenarios.Start + (65 * TestPlatform.Day);
        for (var v = 0; v < 300; v++)
        {
            platform.Add(start + (v * 2_000), "view", $"fan{v}", "c1");
            platform.Add(start + (v * 2_000) + 1_000, "like", $"fan{v}", "c1");
        }

        var analysis = await Analysis.RunAsync(platform);

        Assert.Empty(analysis.Of(ClusterKind.Bot));
        Assert.Equal(0f, analysis.Feature("fan10", "lockstep_group_size"));
    }
}
