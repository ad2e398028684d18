using BehaviorGraph.Scoring.Evaluation;

namespace BehaviorGraph.Scoring.Tests.Evaluation;

public sealed class GroupedStratifiedKFoldTests
{
    [Fact]
    public void Assign_NeverSplitsAGroup_AndSpreadsPositivesOverEveryFold()
    {
        var data = SyntheticMatrix.Create();
        var accounts = data.Labels.Select(l => l.Account).ToArray();
        var labels = data.Labels.Select(l => l.Label == Core.Labels.LabelKind.Abusive).ToArray();

        var assignment = GroupedStratifiedKFold.Assign(accounts, labels, a => data.Groups.GetValueOrDefault(a), 10, seed: 1);

        Assert.Equal(10, assignment.Folds);
        var foldsPerGroup = accounts.Select((a, i) => (Group: data.Groups.GetValueOrDefault(a), Fold: assignment.FoldOfExample[i]))
            .Where(x => x.Group is not null).GroupBy(x => x.Group).Select(g => g.Select(x => x.Fold).Distinct().Count());
        Assert.All(foldsPerGroup, count => Assert.Equal(1, count));
        // 20 rings of 5 abusive accounts over 10 folds: exactly 2 rings (10 positives) per fold.
        for (var fold = 0; fold < 10; fold++)
        {
            Assert.Equal(10, Enumerable.Range(0, accounts.Length).Count(i => assignment.FoldOfExample[i] == fold && labels[i]));
            Assert.InRange(Enumerable.Range(0, accounts.Length).Count(i => assignment.FoldOfExample[i] == fold && !labels[i]), 39, 41);
        }
    }

    [Fact]
    public void Assign_UsesFewerFolds_WhenAClassHasFewerGroupsThanFolds()
    {
        string[] accounts = ["a1", "a2", "a3", "b1", "b2", "b3", "b4"];
        bool[] labels = [true, true, true, false, false, false, false];
        var groups = new Dictionary<string, string> { ["a1"] = "x", ["a2"] = "x", ["a3"] = "y" };

        var assignment = GroupedStratifiedKFold.Assign(accounts, labels, a => groups.GetValueOrDefault(a), 10, seed: 1);

        Assert.Equal(2, assignment.Folds);
        Assert.Equal(assignment.FoldOfExample[0], assignment.FoldOfExample[1]);
        Assert.NotEqual(assignment.FoldOfExample[0], assignment.FoldOfExample[2]);
    }

    [Fact]
    public void Assign_Throws_WhenAllPositivesShareOneGroup()
    {
        var ex = Assert.Throws<InsufficientLabelsException>(() => GroupedStratifiedKFold.Assign(
            ["a1", "a2", "b1", "b2"], [true, true, false, false], a => a.StartsWith('a') ? "ring" : null, 5, seed: 1));

        Assert.Contains("1 group(s) with abusive", ex.Message, StringComparison.Ordinal);
    }
}
