
namespace BehaviorGraph.Synthetic.Tests;

/// <summary>FRAUDAR's injection protocol: like events only over a sparse heavy-tailed background, one exact-density block under the requested attack.</summary>
public sealed class FraudarProtocolTests
{
    [Theory]
    [MemberData(nameof(GeneratorGrid.FraudarNames), MemberType = typeof(GeneratorGrid))]
    public void Protocol_WritesOnlyLikes_WithoutSignupsDevicesOrIps_SpreadOverAYear(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        FraudarProtocolOptions options = GeneratorGrid.Point(name).Scenario.Fraudar!;
        DateTime start = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        Assert.All(files.Events, e => Assert.Equal(("like", "content", "", "", ""), (e.Type, e.TargetKind, e.Value, e.Device, e.Ip)));
        Assert.Null(files.Summary.LabelsPath);
        Assert.All(files.Events, e => Assert.InRange(e.Ts, start, start.AddDays(options.Days)));
        Assert.True(files.Events[^1].Ts - files.Events[0].Ts >= TimeSpan.FromDays(options.Days - 5));
        Assert.Equal(files.Events.Count, files.Events.Select(e => (e.Actor, e.Target)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(GeneratorGrid.FraudarNames), MemberType = typeof(GeneratorGrid))]
    public void Protocol_PlantsOneBlockOfTheRequestedSizeAtExactlyTheRequestedDensity(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        FraudarProtocolOptions options = GeneratorGrid.Point(name).Scenario.Fraudar!;
        TruthCluster block = Assert.Single(files.Clusters);
        var members = block.Members.ToHashSet();
        var targets = block.Targets.ToHashSet();
        int inside = files.Events.Count(e => members.Contains(e.Actor) && targets.Contains(e.Target));
        long planted = (long)Math.Round(options.Density * options.BlockAccounts * options.BlockItems);

        Assert.Equal(("block", options.BlockAccounts, options.BlockItems), (block.Kind, block.Members.Count, block.Json.GetProperty("blockItems").GetInt32()));
        Assert.Equal(planted, block.Json.GetProperty("engagements").GetInt64());

        // Every block account likes at least one of the block's items; the targets are the items that were liked.
        Assert.Equal(members, files.Events.Where(e => members.Contains(e.Actor) && targets.Contains(e.Target)).Select(e => e.Actor).ToHashSet());
        Assert.InRange(block.Targets.Count, 1, options.BlockItems);
        if (options.Attack == BlockCamouflage.Hijacked)
        {
            Assert.InRange(inside, planted, planted + 250);
            Assert.True(block.Json.GetProperty("realizedDensity").GetDouble() >= options.Density);
            Assert.Equal(options.Accounts, files.Events.Select(e => e.Actor).Distinct().Count());
        }
        else
        {
            Assert.Equal(planted, inside);
            Assert.Equal(options.Density, block.Json.GetProperty("realizedDensity").GetDouble(), 6);
            Assert.Equal(options.Accounts + options.BlockAccounts, files.Events.Select(e => e.Actor).Distinct().Count());
        }
    }

    [Theory]
    [MemberData(nameof(GeneratorGrid.FraudarNames), MemberType = typeof(GeneratorGrid))]
    public void Protocol_CamouflagesTheBlockAsTheAttackSays(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        FraudarProtocolOptions options = GeneratorGrid.Point(name).Scenario.Fraudar!;
        TruthCluster block = Assert.Single(files.Clusters);
        var members = block.Members.ToHashSet();
        var targets = block.Targets.ToHashSet();
        int inside = files.Events.Count(e => members.Contains(e.Actor) && targets.Contains(e.Target));
        int outside = files.Events.Count(e => members.Contains(e.Actor) && !targets.Contains(e.Target));

        Assert.Equal(SyntheticGrid.AttackName(options.Attack), block.Json.GetProperty("camouflage").GetString());
        switch (options.Attack)
        {
            case BlockCamouflage.None:
                Assert.Equal(0, outside);
                break;
            case BlockCamouflage.Random or BlockCamouflage.DegreeBiased:
                Assert.Equal(block.Json.GetProperty("camouflageEngagements").GetInt32(), outside);
                Assert.InRange(outside, 0.95 * inside, 1.05 * inside);
                break;
            case BlockCamouflage.Hijacked:
                // The hijacked accounts' own likes from before the takeover: about the background's mean of five each.
                Assert.InRange(outside / (double)members.Count, 2, 15);
                break;
        }
    }

    [Fact]
    public void DegreeBiasedCamouflage_LikesFarMorePopularItemsThanRandomCamouflage()
    {
        Assert.True(CamouflagePopularity("fraudar-degree-0.04") > 3 * CamouflagePopularity("fraudar-random-0.04"));
    }

    [Fact]
    public void Background_IsSparseAndHeavyTailedOnBothSides()
    {
        GeneratedFiles files = GridFiles.Of("fraudar-none-0.04");
        TruthCluster block = Assert.Single(files.Clusters);
        var members = block.Members.ToHashSet();
        var background = files.Events.Where(e => !members.Contains(e.Actor)).ToList();
        var accountDegrees = background.GroupBy(e => e.Actor).Select(g => g.Count()).Order().ToList();
        var itemDegrees = background.GroupBy(e => e.Target).Select(g => g.Count()).Order().ToList();
        FraudarProtocolOptions options = GeneratorGrid.Point("fraudar-none-0.04").Scenario.Fraudar!;

        Assert.InRange(background.Count / (double)options.Accounts, options.BackgroundDegree * 0.95, options.BackgroundDegree * 1.05);
        Assert.True(background.Count < 0.01 * options.Accounts * options.Items, "the background is sparse");
        Assert.True(accountDegrees[^1] >= 10 * accountDegrees[accountDegrees.Count / 2], $"accounts: max {accountDegrees[^1]}, median {accountDegrees[accountDegrees.Count / 2]}");
        Assert.True(itemDegrees[^1] >= 10 * itemDegrees[itemDegrees.Count / 2], $"items: max {itemDegrees[^1]}, median {itemDegrees[itemDegrees.Count / 2]}");
    }

    [Fact]
    public void Generate_WritesTheSameFilesForTheSameOptions_AndOthersForAnotherSeed()
    {
        using var dir = new TempDirectory();
        var options = new FraudarProtocolOptions(0.03, BlockCamouflage.Random, Seed: 5);

        GenerationSummary a = FraudarProtocol.Generate(options, Path.Combine(dir.Path, "a"));
        GenerationSummary b = FraudarProtocol.Generate(options, Path.Combine(dir.Path, "b"));
        GenerationSummary c = FraudarProtocol.Generate(options with { Seed = 6 }, Path.Combine(dir.Path, "c"));

        Assert.Equal(File.ReadAllBytes(a.EventsPath), File.ReadAllBytes(b.EventsPath));
        Assert.Equal(File.ReadAllBytes(a.TruthPath), File.ReadAllBytes(b.TruthPath));
        Assert.NotEqual(File.ReadAllBytes(a.EventsPath), File.ReadAllBytes(c.EventsPath));
    }

    [Theory]
    [InlineData(0.0, nameof(FraudarProtocolOptions.Density), "between 0.001 and 1")]
    [InlineData(1.5, nameof(FraudarProtocolOptions.Density), "between 0.001 and 1")]
    public void Validate_RejectsADensityOutsideItsRange(double density, string param, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new FraudarProtocolOptions(density).Validate());

        Assert.Equal(param, error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RejectsABlockLargerThanTheBackground_AndADenseBackground()
    {
        var block = Assert.Throws<ArgumentException>(() => new FraudarProtocolOptions { BlockItems = 3_000 }.Validate());
        var dense = Assert.Throws<ArgumentException>(() => new FraudarProtocolOptions { Items = 200, BlockItems = 100, BackgroundDegree = 60 }.Validate());

        Assert.Equal(nameof(FraudarProtocolOptions.BlockItems), block.ParamName);
        Assert.Contains("between 2 and Items (2,000)", block.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(FraudarProtocolOptions.BackgroundDegree), dense.ParamName);
    }

    private static double CamouflagePopularity(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        TruthCluster block = Assert.Single(files.Clusters);
        var members = block.Members.ToHashSet();
        var targets = block.Targets.ToHashSet();
        var degree = files.Events.Where(e => !members.Contains(e.Actor)).GroupBy(e => e.Target).ToDictionary(g => g.Key, g => g.Count());
        return files.Events.Where(e => members.Contains(e.Actor) && !targets.Contains(e.Target)).Average(e => (double)degree.GetValueOrDefault(e.Target));
    }
}
