using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Detectors;

public sealed class IdentityDetectorTests
{
    [Fact]
    public async Task IdentifierSharedByTooManyAccounts_LinksNobody_WhileASharedDeviceLinksItsTwoAccounts()
    {
        var platform = new TestPlatform();
        for (var i = 0; i < 60; i++)
        {
            platform.Add(Scenarios.Start + i, "login", $"n{i}", device: $"dn{i}", ip: "carrier-nat");
        }

        platform.Add(Scenarios.Start + 100, "login", "x", device: "shared-phone", ip: "home-x");
        platform.Add(Scenarios.Start + 200, "login", "y", device: "shared-phone", ip: "home-y");

        var analysis = await Analysis.RunAsync(platform, AnalysisOptions.Default with { Identity = new IdentityOptions { MaxAccountsPerIp = 50 } });

        var linked = Assert.Single(analysis.Of(ClusterKind.Identity));
        Assert.Equal(["x", "y"], linked.Members);
        Assert.Equal(1, linked.Figures["sharedDevices"]);
        Assert.Equal(60f, analysis.Feature("n3", "max_accounts_per_ip"));
        Assert.Equal(1f, analysis.Feature("n3", "identity_group_size"));
        Assert.Equal(2f, analysis.Feature("x", "identity_group_size"));
    }

    [Fact]
    public async Task RaisingTheLimit_LinksTheAccountsBehindTheSharedIp()
    {
        var platform = new TestPlatform();
        for (var i = 0; i < 60; i++)
        {
            platform.Add(Scenarios.Start + i, "login", $"n{i}", device: $"dn{i}", ip: "carrier-nat");
        }

        var analysis = await Analysis.RunAsync(platform, AnalysisOptions.Default with { Identity = new IdentityOptions { MaxAccountsPerIp = 100 } });

        Assert.Equal(60, Assert.Single(analysis.Of(ClusterKind.Identity)).Members.Count);
    }
}
