using BehaviorGraph.Analytics.Tests.Pipeline;
using BehaviorGraph.Core.Clusters;

namespace BehaviorGraph.Analytics.Tests.Detectors;

public sealed class RingDetectorTests
{
    private static readonly string[] RingMembers = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"];

    [Fact]
    public async Task PlantedRing_IsFound_WithExactlyItsMembers()
    {
        var platform = Scenarios.Benign();
        Scenarios.AddRing(platform, 8, careful: false);

        var analysis = await Analysis.RunAsync(platform);

        var ring = Assert.Single(analysis.Of(ClusterKind.Ring));
        Assert.Equal(RingMembers, ring.Members);
        Assert.Equal("ring-1", ring.Id);
        Assert.Equal(1.0, ring.Figures["mutualDensity"]);
        Assert.Equal(24, ring.Figures["reportsReceived"]);
        Assert.Contains("8 accounts", ring.Evidence, StringComparison.Ordinal);
        Assert.Contains("24 report(s) received", ring.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarefulRing_OnDistinctDevicesAndIps_IsStillFoundThroughStructure()
    {
        var platform = Scenarios.Benign();
        Scenarios.AddRing(platform, 8, careful: true);

        var analysis = await Analysis.RunAsync(platform);

        var ring = Assert.Single(analysis.Of(ClusterKind.Ring));
        Assert.Equal(RingMembers, ring.Members);
        Assert.Equal(0, ring.Figures["sharedDevices"]);
        Assert.Equal(0, ring.Figures["sharedIps"]);
        Assert.DoesNotContain(analysis.Of(ClusterKind.Identity), c => c.Members.Any(m => m.StartsWith('r')));
    }

    [Fact]
    public async Task BenignFriendGroups_AreNotRings()
    {
        var analysis = await Analysis.RunAsync(Scenarios.Benign());

        Assert.Empty(analysis.Of(ClusterKind.Ring));
    }

    [Fact]
    public async Task DenseGroup_WithoutBurstOutreachOrReports_IsNotARing()
    {
        // Eight old friends who all follow each other, signed up weeks apart, contact nobody else and are never reported.
        var platform = Scenarios.Benign();
        for (var i = 0; i < 8; i++)
        {
            platform.Add(Scenarios.Start + (i * 7 * TestPlatform.Day), "signup", $"f{i}");
        }

        for (var i = 0; i < 8; i++)
        {
            for (var j = 0; j < 8; j++)
            {
                if (i != j)
                {
                    platform.Add(Scenarios.Start + (62 * TestPlatform.Day) + (((i * 8) + j) * 60_000L), "follow", $"f{i}", $"f{j}");
                }
            }
        }

        var analysis = await Analysis.RunAsync(platform);

        Assert.Empty(analysis.Of(ClusterKind.Ring));
    }
}
