using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Detectors;

public sealed class BotDetectorTests
{
    [Fact]
    public async Task GroupCoActingOnSeveralTargets_IsABotCluster_WithItsMembers()
    {
        var platform = Scenarios.Benign();
        for (var job = 0; job < 5; job++)
        {
            var start = Scenarios.Start + (65 * TestPlatform.Day) + (job * 3 * 3_600_000L);
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
        Assert.True(bot.Figures["synchronyChance"] < 1e-9, $"chance {bot.Figures["synchronyChance"]}");
        Assert.Equal(6f, analysis.Feature("bot3", "lockstep_group_size"));
        Assert.Equal(0f, analysis.Feature("b3", "lockstep_group_size"));
    }

    [Fact]
    public async Task GroupCoActingWithoutSynchrony_WithinTheWindow_IsNoBotCluster_ButKeepsItsLockstepFeatures()
    {
        var platform = Scenarios.Benign();
        for (var job = 0; job < 6; job++)
        {
            // Four fans each get to the post at some point in the same ten minutes: gaps spread over the whole window.
            var start = Scenarios.Start + (65 * TestPlatform.Day) + (job * 3 * 3_600_000L);
            int[] offsetsSeconds = [0, 190, 400, 595];
            for (var f = 0; f < 4; f++)
            {
                platform.Add(start + (offsetsSeconds[(f + job) % 4] * 1_000L), "like", $"fan{f}", $"c{job}");
            }
        }

        var analysis = await Analysis.RunAsync(platform);

        Assert.Empty(analysis.Of(ClusterKind.Bot));
        Assert.Equal(4f, analysis.Feature("fan2", "lockstep_group_size"));
    }

    [Fact]
    public async Task ViralBurst_OfStrangersOnOneTarget_MakesNoBotCluster()
    {
        var platform = Scenarios.Benign();
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
