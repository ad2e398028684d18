namespace BehaviorGraph.Synthetic.Tests;

public sealed class SyntheticGridTests
{
    [Fact]
    public void DefaultGrid_SpansEveryFamily_WithUniqueNames()
    {
        var grid = SyntheticGrid.Default(20_000, 42);
        var names = grid.Select(p => p.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains("default", names);
        Assert.Contains(grid, p => p.PlantsNoAbuse && p.Platform!.FriendGroupsPer10kAccounts > 0 && p.Platform.ViralBursts > 1);
        Assert.Contains(grid, p => p.Platform?.RingSignupDays.Max == 45);
        Assert.Contains(grid, p => p.Platform is { CarefulRingFraction: 1, CarefulRingCover: 1 });
        Assert.Contains(grid, p => p.Platform?.RingOutreach.Min == 0);
        Assert.Contains(grid, p => p.Platform?.RingOutreach.Max == 50);
        Assert.Contains(grid, p => p.Platform is { BotJobTiming: BotJobTiming.Uniform, BotJobSpreadMinutes.Max: 60 });
        Assert.Contains(grid, p => p.Platform?.BotJobSpreadMinutes.Min == 5);
        Assert.Contains(grid, p => p.Platform?.FarmsPer10kAccounts > 0);
        foreach (BlockCamouflage attack in Enum.GetValues<BlockCamouflage>())
        {
            Assert.Contains(grid, p => p.Platform is { BlocksPer10kAccounts: > 0 } o && o.BlockCamouflage == attack);
            foreach (double density in SyntheticGrid.FraudarDensities)
            {
                Assert.Single(grid, p => p.Fraudar is { } f && f.Attack == attack && f.Density == density);
            }
        }

        Assert.Equal(10, SyntheticGrid.FraudarDensities.Count);
        Assert.Equal((0.01, 0.10), (SyntheticGrid.FraudarDensities[0], SyntheticGrid.FraudarDensities[^1]));
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(GeneratorGrid.Accounts)]
    [InlineData(200_000)]
    public void EveryPoint_IsValidAtTheSizesItIsRunAt(int accounts)
    {
        foreach (SyntheticScenario point in SyntheticGrid.Default(accounts, 7))
        {
            point.Platform?.Validate();
            point.Fraudar?.Validate();
            Assert.Equal(7, point.Seed);
            Assert.False(string.IsNullOrWhiteSpace(point.Description));
        }
    }

    [Fact]
    public void QuickGrid_KeepsOnePointOfEachFamily_InTheDefaultGridsOrder()
    {
        var quick = SyntheticGrid.Quick(20_000, 42).Select(p => p.Name).ToList();

        Assert.Equal(SyntheticGrid.QuickNames.Count, quick.Count);
        Assert.Equal(SyntheticGrid.Default(20_000, 42).Select(p => p.Name).Where(quick.Contains), quick);
    }

    [Fact]
    public void TestGrid_OffersEveryPlatformPoint_AndTheProtocolAtThreeDensities()
    {
        Assert.Equal(SyntheticGrid.Platform(GeneratorGrid.Accounts, GeneratorGrid.Seed).Count + (4 * 3), GeneratorGrid.Points.Count);
        Assert.Equal(GeneratorGrid.Points.Count, GeneratorGrid.Names.Count());
        Assert.Contains(GeneratorGrid.Points, p => p.PlantsNoAbuse);
        Assert.Equal("careful-rings", GeneratorGrid.Point("careful-rings").Name);
        Assert.Throws<ArgumentException>(() => GeneratorGrid.Point("no-such-point"));
    }
}
