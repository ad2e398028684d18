using BehaviorGraph.Scoring.Tests.Training;
using BehaviorGraph.Scoring.Training;
using Xunit.Abstractions;

namespace BehaviorGraph.Scoring.Tests.Benchmarks;

/// <summary>
/// Batch scoring throughput, run on demand: <c>BGRAPH_BENCH=1 dotnet test tests/BehaviorGraph.Scoring.Tests
/// --filter ScoringThroughput --logger "console;verbosity=detailed"</c>. Reports figures; asserts only correctness.
/// </summary>
public sealed class ScoringThroughputBenchmark(ITestOutputHelper output)
{
    [SkippableFact]
    public void ScoringThroughput_ScoresEveryAccountOfALargeSnapshot()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("BGRAPH_BENCH") == "1", "Benchmark; set BGRAPH_BENCH=1 to run it.");
        var accounts = int.TryParse(Environment.GetEnvironmentVariable("BGRAPH_BENCH_ACCOUNTS"), out var n) ? n : 1_000_000;
        var data = SyntheticMatrix.Create();
        var model = TrainingTests.Load(new ScoringModelTrainer(TrainingOptions.Default).Train(TrainingSet.Build(data.Snapshot, data.Labels)));
        var snapshot = SyntheticMatrix.Large(accounts);

        model.ScoreAll(SyntheticMatrix.Large(10_000), ScoringOptions.Default, 1, DateTimeOffset.UnixEpoch);
        output.WriteLine($"{accounts:N0} accounts, {TrainingOptions.Default.NumberOfTrees} trees, {SyntheticMatrix.FeatureNames.Length} features, up to 3 reasons, {Environment.ProcessorCount} cores");
        foreach (var (name, options) in new[] { ("default (explain review/block)", ScoringOptions.Default), ("explain every account", ScoringOptions.Default with { ExplainFrom = 0 }) })
        {
            for (var run = 1; run <= 2; run++)
            {
                var result = model.ScoreAll(snapshot, options, 1, DateTimeOffset.UnixEpoch);
                Assert.Equal(accounts, result.Scores.Count);
                var explained = result.Scores.Count(s => s.Reasons.Count > 0);
                output.WriteLine($"{name}, run {run}: {result.Elapsed.TotalMilliseconds:N0} ms = {result.AccountsPerSecond:N0} accounts/s ({explained:N0} explained)");
            }
        }
    }
}
