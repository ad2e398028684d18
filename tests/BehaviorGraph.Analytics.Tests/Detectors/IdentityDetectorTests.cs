using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Detectors;

public sealed class IdentityDetectorTests
{
    private const long Day = TestPlatform.Day;

    /// <summary>
    /// 300 unrelated people: each signs up on its own day, logs in through one of three carrier-NAT addresses (100
    /// each), and likes 8 random posts of 400.
    /// </summary>
    private static TestPlatform CarrierPopulation(int seed)
    {
        var platform = new TestPlatform();
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var signup = Scenarios.Start + (i * Day / 3);
            platform.Add(signup, "signup", $"n{i}", device: $"dn{i}", ip: $"nat{i % 3}");
            for (var k = 0; k < 8; k++)
            {
                platform.Add(signup + Day + random.Next(1_000_000_000), "like", $"n{i}", $"p{random.Next(400)}", device: $"dn{i}", ip: $"nat{i % 3}");
            }
        }

        return platform;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task CarrierNat_LinksNobody_WhileASharedDeviceLinksItsTwoAccounts(int seed)
    {
        var platform = CarrierPopulation(seed);
        platform.Add(Scenarios.Start + 100, "login", "x", device: "shared-phone", ip: "home-x");
        platform.Add(Scenarios.Start + 200, "login", "y", device: "shared-phone", ip: "home-y");

        var analysis = await Analysis.RunAsync(platform);

        var linked = Assert.Single(analysis.Of(ClusterKind.Identity));
        Assert.Equal(["x", "y"], linked.Members);
        Assert.Equal(1, linked.Figures["sharedDevices"]);
        Assert.Equal(100f, analysis.Feature("n3", "max_accounts_per_ip"));
        Assert.Equal(1f, analysis.Feature("n3", "identity_group_size"));
        Assert.Equal(2f, analysis.Feature("x", "identity_group_size"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task FarmOfEmulatorsOnFiveAddresses_IsOneLinkedGroup_BesideTheCarrierNat(int seed)
    {
        // 60 emulator accounts, each on its own device id, rotating over five data-centre addresses, signing up over
        // two months like everyone else — but all of them liking the same 20 customer posts.
        var platform = CarrierPopulation(seed);
        var random = new Random(seed + 100);
        for (var f = 0; f < 60; f++)
        {
            var signup = Scenarios.Start + (f * Day);
            platform.Add(signup, "signup", $"farm{f}", device: $"emu{f}", ip: $"dc{f % 5}");
            for (var k = 0; k < 20; k++)
            {
                if (random.NextDouble() < 0.8)
                {
                    platform.Add(signup + Day + random.Next(1_000_000_000), "like", $"farm{f}", $"customer{k}", device: $"emu{f}", ip: $"dc{random.Next(5)}");
                }
            }
        }

        var analysis = await Analysis.RunAsync(platform);

        var farm = Assert.Single(analysis.Of(ClusterKind.Identity));
        Assert.Equal(60, farm.Members.Count);
        Assert.All(farm.Members, m => Assert.StartsWith("farm", m, StringComparison.Ordinal));
        Assert.Equal(5, farm.Figures["farmIdentifiers"]);
        Assert.Contains("a farm, not shared infrastructure", farm.Evidence, StringComparison.Ordinal);
        Assert.Equal(1f, analysis.Feature("n3", "identity_group_size"));
    }
}
