using BehaviorGraph.Core.Labels;
using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Scoring.Scoring;
using BehaviorGraph.Scoring.Training;

namespace BehaviorGraph.Scoring.Tests.Training;

public sealed class TrainingTests
{
    [Fact]
    public void Train_ProducesModel_WhoseProbabilitiesLieInUnitInterval_AndSeparateTheClasses()
    {
        var data = SyntheticMatrix.Create(unlabelled: 200);
        var set = TrainingSet.Build(data.Snapshot, data.Labels);

        var model = Load(new ScoringModelTrainer(TrainingOptions.Default).Train(set));
        var scores = model.ScoreAll(data.Snapshot, ScoringOptions.Default, 1, DateTimeOffset.UnixEpoch).Scores;

        Assert.Equal(data.Snapshot.Rows.Count, scores.Count);
        Assert.All(scores, s => Assert.InRange(s.Score, 0.0, 1.0));
        var labelled = data.Labels.ToDictionary(l => l.Account, l => l.Label);
        var abusiveMean = scores.Where(s => labelled.GetValueOrDefault(s.Account, LabelKind.Benign) == LabelKind.Abusive && labelled.ContainsKey(s.Account)).Average(s => s.Score);
        var benignMean = scores.Where(s => labelled.TryGetValue(s.Account, out var l) && l == LabelKind.Benign).Average(s => s.Score);
        Assert.True(abusiveMean > 0.8, $"abusive mean {abusiveMean}");
        Assert.True(benignMean < 0.2, $"benign mean {benignMean}");
    }

    [Fact]
    public void Train_IsReproducible_ForTheSameDataAndSeed()
    {
        var data = SyntheticMatrix.Create();
        var set = TrainingSet.Build(data.Snapshot, data.Labels);

        var first = Load(new ScoringModelTrainer(TrainingOptions.Default).Train(set));
        var second = Load(new ScoringModelTrainer(TrainingOptions.Default).Train(set));

        var a = first.ScoreAll(data.Snapshot, ScoringOptions.Default, 1, DateTimeOffset.UnixEpoch).Scores.Select(s => s.Score);
        var b = second.ScoreAll(data.Snapshot, ScoringOptions.Default, 1, DateTimeOffset.UnixEpoch).Scores.Select(s => s.Score);
        Assert.Equal(a, b);
        Assert.Equal(set.ComputeHash(TrainingOptions.Default), TrainingSet.Build(data.Snapshot, data.Labels).ComputeHash(TrainingOptions.Default));
    }

    [SkippableFact]
    public void Train_WithLightGbm_ProducesProbabilitiesInUnitInterval()
    {
        var data = SyntheticMatrix.Create();
        var set = TrainingSet.Build(data.Snapshot, data.Labels);
        TrainedModel trained;
        try
        {
            trained = new ScoringModelTrainer(TrainingOptions.Default with { Trainer = TrainerKind.LightGbm }).Train(set);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException || ex.InnerException is DllNotFoundException)
        {
            Skip.If(true, $"LightGBM's native library cannot load here: {ex.Message}");
            return;
        }

        var scores = Load(trained).ScoreAll(data.Snapshot, ScoringOptions.Default, 1, DateTimeOffset.UnixEpoch).Scores;
        Assert.All(scores, s => Assert.InRange(s.Score, 0.0, 1.0));
        Assert.True(scores.Where(s => s.Account.StartsWith("bad-", StringComparison.Ordinal)).Average(s => s.Score) > 0.7);
    }

    [Fact]
    public void Build_SkipsAndReportsLabelledAccounts_MissingFromTheSnapshot()
    {
        var data = SyntheticMatrix.Create();
        var labels = data.Labels.Append(new AccountLabel("ghost-1", LabelKind.Abusive, "file", null, null, DateTimeOffset.UnixEpoch))
            .Append(new AccountLabel("ghost-2", LabelKind.Benign, "file", null, null, DateTimeOffset.UnixEpoch));

        var set = TrainingSet.Build(data.Snapshot, labels);

        Assert.Equal(["ghost-1", "ghost-2"], set.UnknownAccounts);
        Assert.Equal(data.Labels.Count, set.Count);
        Assert.Equal(100, set.Positives);
        Assert.Equal(400, set.Negatives);
    }

    [Fact]
    public void Train_Throws_WhenAClassHasTooFewLabels()
    {
        var data = SyntheticMatrix.Create();
        var labels = data.Labels.Where(l => l.Label == LabelKind.Benign).Concat(data.Labels.Where(l => l.Label == LabelKind.Abusive).Take(4));
        var set = TrainingSet.Build(data.Snapshot, labels);

        var ex = Assert.Throws<InsufficientLabelsException>(() => new ScoringModelTrainer(TrainingOptions.Default).Train(set));

        Assert.Contains("4 abusive", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at least 5 of each class", ex.Message, StringComparison.Ordinal);
    }

    internal static ScoringModel Load(TrainedModel trained, string version = "m-test") => ScoringModel.Load(new ModelRecord(
        new ModelInfo(version, "fasttree", trained.FeatureNames, "hash", new ModelMetrics(0.9, 0.9, 0.9, 1, 0.9, 1, 1), new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, true),
        trained.Bytes));
}
