using BehaviorGraph.Analytics.Features;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Analytics.Tests.Pipeline;

public sealed class AnalysisPipelineTests
{
    [Fact]
    public async Task Run_WritesOneRunWithEveryAccountsFeatureRowAndTheClusters_AndReportsEveryStage()
    {
        var platform = Scenarios.Benign();
        Scenarios.AddRing(platform, 8, careful: false);
        var store = new RecordingFeatureStore();
        var stages = new List<AnalysisProgress>();

        var result = await AnalysisPipeline.RunAsync(platform, platform, store, AnalysisOptions.Default, new Recorder(stages), CancellationToken.None);

        Assert.Equal(7, result.RunId);
        Assert.Equal(7, store.CompletedRun);
        Assert.Equal(AccountFeatures.Names, store.FeatureNames);
        Assert.Equal(68, store.Rows.Count);
        Assert.All(store.Rows, r => Assert.Equal(AccountFeatures.Names.Count, r.Values.Length));
        Assert.Equal(result.Clusters, store.Clusters);
        Assert.Single(result.Clusters, c => c.Kind == ClusterKind.Ring);
        Assert.Equal(
            [AnalysisStage.Load, AnalysisStage.Algorithms, AnalysisStage.Detectors, AnalysisStage.Features, AnalysisStage.Write],
            stages.Where(s => s.Completed).Select(s => s.Stage));
        Assert.Equal(5, result.Stages.Count);
    }

    [Fact]
    public async Task Run_IsDeterministic_SameClustersAndFeaturesTwice()
    {
        var first = await Analysis.RunAsync(Build());
        var second = await Analysis.RunAsync(Build());

        Assert.Equal(first.Clusters.Select(c => (c.Id, string.Join(',', c.Members), c.Score)), second.Clusters.Select(c => (c.Id, string.Join(',', c.Members), c.Score)));
        Assert.Equal(first.Outcome.Features.ToRows(first.Outcome.Data.AccountKeys).SelectMany(r => r.Values), second.Outcome.Features.ToRows(second.Outcome.Data.AccountKeys).SelectMany(r => r.Values));

        static TestPlatform Build()
        {
            var p = Scenarios.Benign();
            Scenarios.AddRing(p, 8, careful: true);
            return p;
        }
    }

    private sealed class Recorder(List<AnalysisProgress> stages) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => stages.Add(value);
    }

    private sealed class RecordingFeatureStore : IFeatureStore
    {
        public long CompletedRun { get; private set; }

        public IReadOnlyList<string> FeatureNames { get; private set; } = [];

        public IReadOnlyList<AccountFeatureRow> Rows { get; private set; } = [];

        public IReadOnlyList<DetectedCluster> Clusters { get; private set; } = [];

        public Task<long> BeginRunAsync(string description, CancellationToken cancellationToken) => Task.FromResult(7L);

        public Task CompleteRunAsync(long runId, IReadOnlyList<string> featureNames, IReadOnlyList<AccountFeatureRow> rows, IReadOnlyList<DetectedCluster> clusters, CancellationToken cancellationToken)
        {
            CompletedRun = runId;
            FeatureNames = featureNames;
            Rows = rows;
            Clusters = clusters;
            return Task.CompletedTask;
        }

        public Task CompleteRunAsync(long runId, AnalysisRunScope scope, IReadOnlyList<string> featureNames, IReadOnlyList<AccountFeatureRow> rows, IReadOnlyList<DetectedCluster> clusters, CancellationToken cancellationToken) =>
            CompleteRunAsync(runId, featureNames, rows, clusters, cancellationToken);

        public Task<AnalysisRunInfo?> GetLatestRunAsync(CancellationToken cancellationToken) => Task.FromResult<AnalysisRunInfo?>(null);

        public Task<FeatureSnapshot?> GetLatestSnapshotAsync(CancellationToken cancellationToken) => Task.FromResult<FeatureSnapshot?>(null);
    }
}
