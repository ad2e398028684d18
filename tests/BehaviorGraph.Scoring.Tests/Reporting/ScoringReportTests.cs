using BehaviorGraph.Scoring.Evaluation;
using BehaviorGraph.Scoring.Reporting;
using BehaviorGraph.Scoring.Tests.Training;
using BehaviorGraph.Scoring.Training;

namespace BehaviorGraph.Scoring.Tests.Reporting;

public sealed class ScoringReportTests
{
    [Fact]
    public void Write_ProducesFivePngPlots_AndAnIndexShowingThemWithTheMetrics()
    {
        var data = SyntheticMatrix.Create();
        var set = TrainingSet.Build(data.Snapshot, data.Labels);
        var cv = new CrossValidator(TrainingOptions.Default, new EvaluationOptions(Folds: 5)).Run(set, data.Groups);
        var model = TrainingTests.Load(new ScoringModelTrainer(TrainingOptions.Default).Train(set));
        var importance = PermutationImportance.Compute(model, set);
        var outDir = Environment.GetEnvironmentVariable("BGRAPH_KEEP_REPORT") is { Length: > 0 } keep ? keep : Path.Combine(Path.GetTempPath(), "bg-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = ScoringReport.Write(outDir, new ScoringReportData(model.Info, cv, importance, [2, 2, 3, 5, 5, 5, 12, 40]));

            Assert.Equal(5, files.Plots.Count);
            foreach (var plot in files.Plots)
            {
                var bytes = File.ReadAllBytes(plot);
                Assert.True(bytes.Length > 5_000, $"{plot} is {bytes.Length} bytes");
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            }

            var html = File.ReadAllText(files.Index);
            Assert.All(files.Plots, p => Assert.Contains($"src=\"{Path.GetFileName(p)}\"", html, StringComparison.Ordinal));
            Assert.Contains($"{cv.Overall.Auc:F4}", html, StringComparison.Ordinal);
            // A feature that carries signal ranks first, and the pure-noise feature ranks below it.
            Assert.Equal(SyntheticMatrix.FeatureNames.Length, importance.Count);
            Assert.Contains(importance[0].Feature, SyntheticMatrix.FeatureNames[..4]);
            Assert.True(importance.Single(f => f.Feature == "noise").AucDrop < importance[0].AucDrop);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("BGRAPH_KEEP_REPORT") is null or "")
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }
}
