using BehaviorGraph.Analytics.Detectors;
using BehaviorGraph.Analytics.Features;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Tests.Pipeline;

public sealed class AnalysisDetectorsTests
{
    [Fact]
    public void EveryFeatureOfTheVocabulary_HasExactlyOneProducer_TheFeatureBuilderOrOneDetector()
    {
        var producers = AnalysisDetectors.For(AnalysisOptions.Default)
            .SelectMany(d => d.Features.Select(f => (Feature: f, Producer: d.Name)))
            .Concat(FeatureBuilder.Features.Select(f => (Feature: f, Producer: "feature builder")))
            .ToList();

        Assert.All(producers, p => Assert.Same(AccountFeatures.Find(p.Feature.Name), p.Feature));
        var twice = producers.GroupBy(p => p.Feature.Name).Where(g => g.Count() > 1).Select(g => $"{g.Key} ({string.Join(", ", g.Select(p => p.Producer))})");
        Assert.Empty(twice);
        Assert.Empty(AccountFeatures.Names.Except(producers.Select(p => p.Feature.Name)));
    }

    [Fact]
    public void Detectors_HaveDistinctNames_AndRingsAndBotsCrossReferenceEachOther()
    {
        var detectors = AnalysisDetectors.For(AnalysisOptions.Default);

        Assert.Equal(["rings", "bots", "blocks", "identities"], detectors.Select(d => d.Name));
        Assert.Equal(["rings", "bots"], detectors.Where(d => d.CrossReferencesOverlaps).Select(d => d.Name));
    }

    [Fact]
    public async Task Run_ReportsEachDetectorsClustersInDetectorOrder_AndTimesEachDetector()
    {
        var platform = Scenarios.Benign();
        Scenarios.AddRing(platform, 8, careful: false);
        var stages = new List<StageTiming>();

        var outcome = await AnalysisPipeline.AnalyzeAsync(platform, platform, AnalysisOptions.Default, null, stages, CancellationToken.None);

        var kinds = outcome.Clusters.Select(c => c.Kind).Distinct().ToList();
        Assert.Equal(kinds.OrderBy(k => Array.IndexOf([ClusterKind.Ring, ClusterKind.Bot, ClusterKind.Block, ClusterKind.Identity], k)), kinds);
        Assert.Contains(ClusterKind.Ring, kinds);
        var detectors = Assert.Single(stages, s => s.Stage == AnalysisStage.Detectors);
        Assert.Matches(@"; time side by side: rings \d+\.\d s, bots \d+\.\d s, blocks \d+\.\d s, identities \d+\.\d s$", detectors.Summary);
    }

    [Fact]
    public void FeatureMatrix_RefusesAColumnComputedTwice_AndNamesAColumnNobodyComputed()
    {
        var matrix = new FeatureMatrix(2);
        matrix.Set(new FeatureColumn(AccountFeatures.RingScore, [0.5f, 0f]));

        var twice = Assert.Throws<InvalidOperationException>(() => matrix.Set(new FeatureColumn(AccountFeatures.RingScore, [1f, 1f])));
        var wrongLength = Assert.Throws<InvalidOperationException>(() => matrix.Set(new FeatureColumn(AccountFeatures.BotScore, [1f])));
        var missing = Assert.Throws<InvalidOperationException>(() => matrix.ToRows(["a", "b"]));

        Assert.Contains("ring_score", twice.Message, StringComparison.Ordinal);
        Assert.Contains("bot_score", wrongLength.Message, StringComparison.Ordinal);
        Assert.Contains("events_total", missing.Message, StringComparison.Ordinal);
        Assert.Equal(0.5f, matrix.Get(0, AccountFeatures.RingScore));
    }
}
