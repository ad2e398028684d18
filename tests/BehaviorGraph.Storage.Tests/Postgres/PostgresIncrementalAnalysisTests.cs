using BehaviorGraph.Analytics.Pipeline;
using BehaviorGraph.Analytics.Pipeline.State;
using BehaviorGraph.Core.Clusters;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest;
using BehaviorGraph.Storage.Postgres;
using BehaviorGraph.Synthetic;
using BehaviorGraph.Testing;

namespace BehaviorGraph.Storage.Tests.Postgres;

/// <summary>
/// Incremental analysis on the production backend: a generated platform's events split by time into two ingests of
/// one database, the second analysis continuing the first from its state file, against a full analysis of a second
/// database holding the same events.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIncrementalAnalysisTests(PostgresServerFixture server)
{
    private static readonly FeatureDefinition[] LocallyReoptimised =
    [
        AccountFeatures.CommunitySize, AccountFeatures.CommunityDensity, AccountFeatures.RingScore, AccountFeatures.RingSize,
        AccountFeatures.DenseBlockDensity, AccountFeatures.BlockScore, AccountFeatures.BlockSize,
    ];

    [SkippableFact]
    public async Task AContinuedRun_ReadsOnlyTheNewEvents_AndMatchesAFullRunOfTheSameEvents()
    {
        using var dir = new TempDirectory();
        var generated = SyntheticPlatform.Generate(new SyntheticOptions(Accounts: 1500, Seed: 23), dir.File("syn"));
        var (_, late) = EventFileSplit.ByTime(generated.EventsPath, 0.9, dir.File("early.csv"), dir.File("late.csv"));
        var continued = await server.CreateDatabaseAsync();
        var whole = await server.CreateDatabaseAsync();
        try
        {
            var state = new AnalysisStateFile(dir.File("postgres.analysis-state"));
            AnalysisResult first, incremental, full;
            await using (var store = await PostgresBehaviorStore.OpenAsync(continued, CancellationToken.None))
            {
                await IngestAsync(store, dir.File("early.csv"));
                first = await AnalysisPipeline.RunAsync(store, AnalysisOptions.Default, new AnalysisRequest(state, Full: false), null, CancellationToken.None);
                await IngestAsync(store, dir.File("late.csv"));
                incremental = await AnalysisPipeline.RunAsync(store, AnalysisOptions.Default, new AnalysisRequest(state, Full: false), null, CancellationToken.None);
            }

            await using (var store = await PostgresBehaviorStore.OpenAsync(whole, CancellationToken.None))
            {
                await IngestAsync(store, generated.EventsPath);
                full = await AnalysisPipeline.RunAsync(store, AnalysisOptions.Default, null, CancellationToken.None);
            }

            Assert.False(first.Scope.Incremental);
            Assert.True(incremental.Scope.Incremental, incremental.Scope.Recomputed);
            Assert.Equal(first.RunId, incremental.Scope.PreviousRunId);
            Assert.Equal(late, incremental.Scope.NewEvents);
            Assert.Equal(full.Events, incremental.Events);

            await using var continuedStore = await PostgresBehaviorStore.OpenAsync(continued, CancellationToken.None);
            await using var wholeStore = await PostgresBehaviorStore.OpenAsync(whole, CancellationToken.None);
            var latest = await continuedStore.Features.GetLatestRunAsync(CancellationToken.None);
            Assert.Equal((incremental.RunId, AnalysisRunScope.IncrementalMode, first.RunId, (long)late), (latest!.Id, latest.Scope.Mode, latest.Scope.PreviousRunId, latest.Scope.NewEvents));

            var incrementalFeatures = (await continuedStore.Features.GetLatestSnapshotAsync(CancellationToken.None))!;
            var fullFeatures = (await wholeStore.Features.GetLatestSnapshotAsync(CancellationToken.None))!;
            Assert.Equal(fullFeatures.FeatureNames, incrementalFeatures.FeatureNames);
            var skipped = LocallyReoptimised.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var exact = Enumerable.Range(0, fullFeatures.FeatureNames.Count).Where(i => !skipped.Contains(fullFeatures.FeatureNames[i])).ToList();
            var incrementalRows = incrementalFeatures.Rows.ToDictionary(r => r.Account, r => r.Values, StringComparer.Ordinal);
            Assert.Equal(fullFeatures.Rows.Count, incrementalRows.Count);
            foreach (var row in fullFeatures.Rows)
            {
                foreach (var i in exact)
                {
                    Assert.True(
                        BitConverter.SingleToInt32Bits(row.Values[i]) == BitConverter.SingleToInt32Bits(incrementalRows[row.Account][i]),
                        $"{fullFeatures.FeatureNames[i]} of {row.Account}: full {row.Values[i]}, incremental {incrementalRows[row.Account][i]}");
                }
            }

            foreach (var kind in new[] { ClusterKind.Identity, ClusterKind.Bot })
            {
                Assert.Equal(await MemberSetsAsync(wholeStore, kind), await MemberSetsAsync(continuedStore, kind));
            }
        }
        finally
        {
            await server.DropDatabaseAsync(continued);
            await server.DropDatabaseAsync(whole);
        }
    }

    private static async Task IngestAsync(IBehaviorStore store, string path)
    {
        var report = await new EventIngestor(store.Ingest).IngestFileAsync(path, IngestOptions.Default, null, CancellationToken.None);
        Assert.Equal(0, report.Quarantined);
    }

    private static async Task<List<string>> MemberSetsAsync(IBehaviorStore store, ClusterKind kind) =>
        [.. (await store.Clusters.ListAsync(kind, 0, int.MaxValue, CancellationToken.None))
            .Select(c => string.Join(',', c.Members.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];
}
