using BehaviorGraph.Analytics.Features;
using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Analytics.Tests.Pipeline;

/// <summary>Runs the compute stages on a reader and offers lookups by account key.</summary>
internal sealed class Analysis
{
    private Analysis(AnalysisOutcome outcome) => Outcome = outcome;

    public AnalysisOutcome Outcome { get; }

    public IReadOnlyList<DetectedCluster> Clusters => Outcome.Clusters;

    public static async Task<Analysis> RunAsync(TestPlatform platform, AnalysisOptions? options = null) =>
        new(await AnalysisPipeline.AnalyzeAsync(platform, platform, options ?? AnalysisOptions.Default, null, [], CancellationToken.None));

    public IReadOnlyList<DetectedCluster> Of(ClusterKind kind) => [.. Clusters.Where(c => c.Kind == kind)];

    public float Feature(string account, string name) =>
        Outcome.Features.Get(
            Array.IndexOf(Outcome.Data.AccountKeys, account) is var i and >= 0 ? i : throw new KeyNotFoundException(account),
            AccountFeatures.Find(name) ?? throw new KeyNotFoundException(name));
}
