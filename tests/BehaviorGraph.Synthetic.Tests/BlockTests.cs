namespace BehaviorGraph.Synthetic.Tests;

/// <summary>Engagement blocks: exactly the requested density of accounts × targets, spread over the window, camouflaged as asked.</summary>
public sealed class BlockTests
{
    [Theory]
    [InlineData("blocks-none")]
    [InlineData("blocks-random")]
    [InlineData("blocks-degree")]
    [InlineData("blocks-hijacked")]
    [InlineData("blocks-follows")]
    [InlineData("blocks-sparse")]
    [InlineData("everything")]
    public void Blocks_HoldExactlyTheRequestedDensityOfTheirAccountsTimesTargets(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        SyntheticOptions options = GridFiles.Options(name);

        Assert.NotEmpty(files.OfKind("block"));
        foreach (TruthCluster block in files.OfKind("block"))
        {
            var pairs = BlockPairs(files, block);
            int planned = block.Json.GetProperty("plannedTargets").GetInt32();
            long expected = (long)Math.Round(options.BlockDensity * block.Members.Count * planned);

            Assert.InRange(block.Members.Count, options.BlockAccounts.Min, options.BlockAccounts.Max);
            Assert.InRange(planned, options.BlockTargets.Min, options.BlockTargets.Max);
            Assert.InRange(block.Targets.Count, 1, planned);
            Assert.Equal(expected, block.Json.GetProperty("engagements").GetInt64());

            // Every member delivers at least one engagement and every listed target receives one.
            Assert.Equal(block.Members.ToHashSet(), pairs.Select(p => p.Item1).ToHashSet());
            Assert.Equal(block.Targets.ToHashSet(), pairs.Select(p => p.Item2).ToHashSet());
            if (options.BlockCamouflage == BlockCamouflage.Hijacked)
            {
                // Real accounts may also have liked or followed a target on their own.
                Assert.InRange(pairs.Count, expected, expected + (block.Members.Count * block.Targets.Count / 100) + 5);
            }
            else
            {
                Assert.Equal(expected, pairs.Count);
            }
        }
    }

    [Theory]
    [InlineData("blocks-none")]
    [InlineData("blocks-random")]
    [InlineData("blocks-follows")]
    public void BlockEngagements_AreSpreadOverTheActivityWindow_NotBurst(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        SyntheticOptions options = GridFiles.Options(name);

        foreach (TruthCluster block in files.OfKind("block"))
        {
            var targets = block.Targets.ToHashSet();
            var members = block.Members.ToHashSet();
            var times = files.Events.Where(e => members.Contains(e.Actor) && targets.Contains(e.Target)).Select(e => e.Ts).ToList();

            Assert.True(times.Max() - times.Min() >= TimeSpan.FromDays(options.ActivityDays * 0.8), $"{block.Id}: block engagements span {times.Max() - times.Min()}");
            Assert.True(times.GroupBy(t => t.Date).Max(g => g.Count()) < times.Count / 5, $"{block.Id}: one day holds too many engagements");
        }
    }

    [Fact]
    public void BlocksWithoutCamouflage_EngageNothingButTheirTargets()
    {
        GeneratedFiles files = GridFiles.Of("blocks-none");

        foreach (TruthCluster block in files.OfKind("block"))
        {
            var targets = block.Targets.ToHashSet();
            var members = block.Members.ToHashSet();
            Assert.DoesNotContain(files.Events, e => members.Contains(e.Actor) && e.Target != "" && !targets.Contains(e.Target));
            Assert.Equal(0, block.Json.GetProperty("camouflageEngagements").GetInt32());
        }
    }

    [Theory]
    [InlineData("blocks-random")]
    [InlineData("blocks-degree")]
    [InlineData("blocks-follows")]
    public void CamouflagedBlocks_EngageOutsideTheBlockAboutAsOftenAsInside(string name)
    {
        GeneratedFiles files = GridFiles.Of(name);
        SyntheticOptions options = GridFiles.Options(name);

        foreach (TruthCluster block in files.OfKind("block"))
        {
            var targets = block.Targets.ToHashSet();
            var members = block.Members.ToHashSet();
            int outside = files.Events.Count(e => members.Contains(e.Actor) && e.Type is "like" or "follow" && !targets.Contains(e.Target));
            long inside = block.Json.GetProperty("engagements").GetInt64();

            Assert.Equal(block.Json.GetProperty("camouflageEngagements").GetInt32(), outside);
            Assert.InRange(outside, 0.9 * options.BlockCamouflageRatio * inside, 1.1 * options.BlockCamouflageRatio * inside);
        }
    }

    [Fact]
    public void DegreeBiasedCamouflage_PicksFarMorePopularContentThanRandomCamouflage()
    {
        double random = MeanPopularityOfCamouflage(GridFiles.Of("blocks-random"));
        double degree = MeanPopularityOfCamouflage(GridFiles.Of("blocks-degree"));

        Assert.True(degree > 3 * random, $"camouflage targets' mean likes: degree-biased {degree:F1}, random {random:F1}");
    }

    [Fact]
    public void HijackedBlocks_AreRealAccountsWithTheirOwnOrdinaryActivity()
    {
        GeneratedFiles files = GridFiles.Of("blocks-hijacked");
        Dictionary<string, DateTime> signup = files.Events.Where(e => e.Type == "signup").ToDictionary(e => e.Actor, e => e.Ts);

        foreach (TruthCluster block in files.OfKind("block"))
        {
            var targets = block.Targets.ToHashSet();
            var members = block.Members.ToHashSet();
            var ordinary = files.Events.Where(e => members.Contains(e.Actor) && !targets.Contains(e.Target) && e.Type != "signup").GroupBy(e => e.Actor).ToDictionary(g => g.Key, g => g.Count());
            var times = block.Members.Select(m => signup[m]).ToList();

            Assert.True(block.Json.GetProperty("camouflage").GetString() == "hijacked");
            Assert.True(block.Members.Count(m => ordinary.GetValueOrDefault(m) > 0) >= 0.8 * block.Members.Count, $"{block.Id}: members without their own activity");
            Assert.True(times.Max() - times.Min() >= TimeSpan.FromDays(GridFiles.Options("blocks-hijacked").SignupDays * 0.8), $"{block.Id}: hijacked accounts signed up together");
        }
    }

    [Fact]
    public void FollowBlocks_TargetAccounts_AndMixedBlocksTargetBoth()
    {
        Assert.All(GridFiles.Of("blocks-follows").OfKind("block"), b => Assert.All(b.Targets, t => Assert.StartsWith("a", t, StringComparison.Ordinal)));
        Assert.All(GridFiles.Of("blocks-random").OfKind("block"), b => Assert.All(b.Targets, t => Assert.StartsWith("c", t, StringComparison.Ordinal)));
        Assert.All(GridFiles.Of("everything").OfKind("block"), b =>
        {
            Assert.Contains(b.Targets, t => t.StartsWith('a'));
            Assert.Contains(b.Targets, t => t.StartsWith('c'));
        });
    }

    private static HashSet<(string, string)> BlockPairs(GeneratedFiles files, TruthCluster block)
    {
        var targets = block.Targets.ToHashSet();
        var members = block.Members.ToHashSet();
        return [.. files.Events
            .Where(e => members.Contains(e.Actor) && targets.Contains(e.Target) && (e.Type == "like" || (e.Type == "follow" && e.TargetKind == "account")))
            .Select(e => (e.Actor, e.Target))];
    }

    private static double MeanPopularityOfCamouflage(GeneratedFiles files)
    {
        var likes = files.Events.Where(e => e.Type == "like").GroupBy(e => e.Target).ToDictionary(g => g.Key, g => g.Count());
        var chosen = files.OfKind("block").SelectMany(b =>
        {
            var targets = b.Targets.ToHashSet();
            var members = b.Members.ToHashSet();
            return files.Events.Where(e => e.Type == "like" && members.Contains(e.Actor) && !targets.Contains(e.Target)).Select(e => e.Target);
        }).ToList();
        return chosen.Average(c => likes[c]);
    }
}
