using BehaviorGraph.Scoring.Evaluation;
using BehaviorGraph.Scoring.Training;

namespace BehaviorGraph.Scoring.Tests.Evaluation;

public sealed class CrossValidatorTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Run_ReportsPooledAndPerFoldMetrics_WithEveryAccountPredictedOnceOutOfFold()
    {
        var data = SyntheticMatrix.Create();
        var set = TrainingSet.Build(data.Snapshot, data.Labels);

        var result = new CrossValidator(TrainingOptions.Default, EvaluationOptions.Default).Run(set, data.Groups);

        output.WriteLine($"overall: {result.Overall}");
        Assert.Equal(10, result.Folds);
        Assert.Equal(10, result.FoldResults.Count);
        Assert.Equal(set.Count, result.Predictions.Select(p => p.Account).Distinct().Count());
        Assert.Equal(set.Count, result.FoldResults.Sum(f => f.Accounts));
        // The classes are well separated in this matrix; a ring held out is still recognised.
        Assert.True(result.Overall.Auc > 0.95, $"AUC {result.Overall.Auc}");
        Assert.True(result.Overall.Auprc > 0.85, $"AUPRC {result.Overall.Auprc}");
        Assert.Equal(100, result.Overall.K);
        // Every ring's five members were predicted in the same fold.
        Assert.All(result.Predictions.Where(p => data.Groups.ContainsKey(p.Account)).GroupBy(p => data.Groups[p.Account]),
            g => Assert.Single(g.Select(p => p.Fold).Distinct()));
    }
}
