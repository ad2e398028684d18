namespace BehaviorGraph.Synthetic.Tests;

[Collection(GeneratedPlatformCollection.Name)]
public sealed class LabelsFileTests(GeneratedPlatform platform)
{
    private List<(string Account, string Label)> Labels =>
        [.. platform.LabelLines.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[1]))];

    [Fact]
    public void Header_AndValues_FollowTheLabelContract()
    {
        Assert.Equal("account,label", platform.LabelLines[0]);
        Assert.All(platform.LabelLines.Skip(1), line => Assert.Equal(2, line.Split(',').Length));
        Assert.All(Labels, l => Assert.Contains(l.Label, new[] { "abusive", "benign" }));
        Assert.Equal(platform.Summary.LabelledAbusive, Labels.Count(l => l.Label == "abusive"));
        Assert.Equal(platform.Summary.LabelledBenign, Labels.Count(l => l.Label == "benign"));
    }

    [Fact]
    public void Labels_CoverASubsetOfExistingAccounts_OncePerAccount()
    {
        var accounts = platform.Events.Where(e => e.Type == "signup").Select(e => e.Actor).ToHashSet();

        Assert.All(Labels, l => Assert.Contains(l.Account, accounts));
        Assert.Equal(Labels.Count, Labels.Select(l => l.Account).Distinct().Count());
        Assert.InRange(Labels.Count, 1, accounts.Count / 4);
    }

    [Fact]
    public void AbusiveLabels_FallMostlyOnPlantedMembers_AndBenignLabelsMostlyOutside()
    {
        var abusive = Labels.Where(l => l.Label == "abusive").ToList();
        var benign = Labels.Where(l => l.Label == "benign").ToList();

        Assert.True(abusive.Count(l => platform.TruthMembers.Contains(l.Account)) >= 0.85 * abusive.Count);
        Assert.True(benign.Count(l => !platform.TruthMembers.Contains(l.Account)) >= 0.95 * benign.Count);
    }

    [Fact]
    public void Labels_ArePartial_WithSomeClusterLeftEntirelyUnlabelled()
    {
        var labelled = Labels.Select(l => l.Account).ToHashSet();
        double coverage = platform.TruthMembers.Count(labelled.Contains) / (double)platform.TruthMembers.Count;

        Assert.InRange(coverage, 0.1, 0.8);
        Assert.Contains(platform.Clusters, c => c.Members.All(m => !labelled.Contains(m)));
        Assert.Contains(platform.Clusters, c => c.Members.Any(labelled.Contains));
    }
}
