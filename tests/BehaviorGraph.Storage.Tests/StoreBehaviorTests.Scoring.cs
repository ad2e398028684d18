using BehaviorGraph.Core.Labels;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Storage.Tests;

public abstract partial class StoreBehaviorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ReasonCode SharedDevice =
        new("SHARED_DEVICE", "max_accounts_per_device", 24, 1.5, "uses a device shared by 24 accounts");

    /// <summary>The ids of the scoring runs whose score rows are still stored at the most recent location, ascending.</summary>
    protected abstract Task<IReadOnlyList<long>> ReadRunsHoldingScoresAsync();

    [SkippableFact]
    public async Task Labels_LatestIsTheNewestPerAccount_AndHistoryIsNewestFirst()
    {
        var store = await OpenAsync();
        await store.Labels.AddAsync(
        [
            new AccountLabel("u2", LabelKind.Abusive, "file", null, null, T0),
            new AccountLabel("u1", LabelKind.Benign, "file", null, null, T0),
        ], CancellationToken.None);
        await store.Labels.AddAsync(
            [new AccountLabel("u1", LabelKind.Abusive, "analyst", "ana", "ring member", T0.AddHours(1))], CancellationToken.None);
        await store.Labels.AddAsync(
            [new AccountLabel("u1", LabelKind.Benign, "analyst", "bo", "older verdict, entered late", T0.AddMinutes(30))], CancellationToken.None);

        var latest = await store.Labels.GetLatestAsync(CancellationToken.None);
        var history = await store.Labels.GetForAccountAsync("u1", CancellationToken.None);

        Assert.Equal(
            [
                new AccountLabel("u1", LabelKind.Abusive, "analyst", "ana", "ring member", T0.AddHours(1)),
                new AccountLabel("u2", LabelKind.Abusive, "file", null, null, T0),
            ],
            latest);
        Assert.Equal([T0.AddHours(1), T0.AddMinutes(30), T0], history.Select(l => l.LabelledAt));
        Assert.Equal([LabelKind.Abusive, LabelKind.Benign, LabelKind.Benign], history.Select(l => l.Label));
        Assert.Empty(await store.Labels.GetForAccountAsync("nobody", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Labels_SameMillisecond_TheLaterLabelInTheListWins()
    {
        var store = await OpenAsync();
        await store.Labels.AddAsync(
        [
            new AccountLabel("u1", LabelKind.Abusive, "file", null, "line 1", T0),
            new AccountLabel("u1", LabelKind.Benign, "file", null, "line 2", T0),
            new AccountLabel("u1", LabelKind.Abusive, "file", null, "line 3", T0),
            new AccountLabel("u1", LabelKind.Benign, "file", null, "line 4", T0),
        ], CancellationToken.None);

        var latest = await store.Labels.GetLatestAsync(CancellationToken.None);
        var history = await store.Labels.GetForAccountAsync("u1", CancellationToken.None);

        Assert.Equal("line 4", Assert.Single(latest).Note);
        Assert.Equal(["line 4", "line 3", "line 2", "line 1"], history.Select(l => l.Note));
    }

    [SkippableFact]
    public async Task Models_SaveListGet_RoundTripEveryField_AndADuplicateVersionIsRejected()
    {
        var store = await OpenAsync();
        await store.Models.SaveAsync(Model("m-1", 0.8, T0), CancellationToken.None);
        await store.Models.SaveAsync(Model("m-2", 0.85, T0.AddMinutes(1), [9, 8, 0, 255]), CancellationToken.None);

        var list = await store.Models.ListAsync(CancellationToken.None);
        var m2 = await store.Models.GetAsync("m-2", CancellationToken.None);
        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.Models.SaveAsync(Model("m-1", 0.1, T0, [7]), CancellationToken.None));

        Assert.Equal(["m-2", "m-1"], list.Select(m => m.Version));
        Assert.All(list, m => Assert.False(m.Promoted));
        Assert.NotNull(m2);
        Assert.Equal([9, 8, 0, 255], m2.ModelBytes);
        Assert.Equal("fasttree", m2.Info.Trainer);
        Assert.Equal(["b_feature", "a_feature"], m2.Info.FeatureNames);
        Assert.Equal("abc123", m2.Info.TrainingDataHash);
        Assert.Equal(new ModelMetrics(0.9, 0.85, null, 10, 0.7, 10, 90), m2.Info.Metrics);
        Assert.Equal(new Dictionary<string, string> { ["trees"] = "100", ["leaves"] = "20" }, m2.Info.Settings);
        Assert.Equal(T0.AddMinutes(1), m2.Info.CreatedAt);
        Assert.Null(await store.Models.GetAsync("m-404", CancellationToken.None));
        Assert.Null(await store.Models.GetPromotedAsync(CancellationToken.None));
        Assert.Contains("m-1", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], (await store.Models.GetAsync("m-1", CancellationToken.None))!.ModelBytes);
    }

    [SkippableFact]
    public async Task Models_Promote_KeepsExactlyOnePromotedModel_AndAnUnknownVersionChangesNothing()
    {
        var store = await OpenAsync();
        await store.Models.SaveAsync(Model("m-1", 0.8, T0), CancellationToken.None);
        await store.Models.SaveAsync(Model("m-2", 0.8, T0.AddSeconds(1), [4, 2]), CancellationToken.None);
        await store.Models.SaveAsync(Model("m-3", 0.8, T0.AddSeconds(2)), CancellationToken.None);

        Assert.True(await store.Models.PromoteAsync("m-1", CancellationToken.None));
        Assert.True(await store.Models.PromoteAsync("m-2", CancellationToken.None));
        Assert.True(await store.Models.PromoteAsync("m-2", CancellationToken.None));
        Assert.False(await store.Models.PromoteAsync("m-404", CancellationToken.None));

        var promoted = await store.Models.GetPromotedAsync(CancellationToken.None);
        Assert.NotNull(promoted);
        Assert.Equal(("m-2", true), (promoted.Info.Version, promoted.Info.Promoted));
        Assert.Equal([4, 2], promoted.ModelBytes);
        Assert.Equal(["m-2"], (await store.Models.ListAsync(CancellationToken.None)).Where(m => m.Promoted).Select(m => m.Version));
        Assert.False((await store.Models.GetAsync("m-1", CancellationToken.None))!.Info.Promoted);
    }

    [SkippableFact]
    public async Task Models_ConcurrentPromotions_LeaveExactlyOnePromotedModel()
    {
        var store = await OpenAsync();
        string[] versions = ["m-1", "m-2", "m-3", "m-4"];
        foreach (var (version, i) in versions.Select((v, i) => (v, i)))
        {
            await store.Models.SaveAsync(Model(version, 0.8, T0.AddSeconds(i)), CancellationToken.None);
        }

        var results = await Task.WhenAll(versions.SelectMany(v => new[] { v, v }).Select(v => Task.Run(() => store.Models.PromoteAsync(v, CancellationToken.None))));

        Assert.All(results, Assert.True);
        var promoted = (await store.Models.ListAsync(CancellationToken.None)).Where(m => m.Promoted).ToList();
        Assert.Single(promoted);
        Assert.Equal(promoted[0].Version, (await store.Models.GetPromotedAsync(CancellationToken.None))!.Info.Version);
    }

    [SkippableFact]
    public async Task Scores_Publish_MakesTheRunVisible_WithEveryFieldRoundTripped()
    {
        var store = await OpenAsync();
        Assert.Null(await store.Scores.GetLatestRunAsync(CancellationToken.None));

        var runId = await store.Scores.BeginRunAsync("m-1", 5, new DecisionThresholds(0.4, 0.8), CancellationToken.None);
        Assert.Null(await store.Scores.GetLatestRunAsync(CancellationToken.None));
        Assert.Null(await store.Scores.GetAsync("u0001", CancellationToken.None));
        var written = new List<AccountScore>
        {
            new("u0000", 0.95, Decision.Block, [SharedDevice, new ReasonCode("NEW_ACCOUNT", "age_days", 0.5, 0.25, "created 12 hours ago")], "m-1", runId, T0),
            new("u0001", 0.6, Decision.Review, [SharedDevice], "m-1", runId, T0.AddMilliseconds(7)),
            new("u0002", 0.1, Decision.Allow, [], "m-1", runId, T0),
        };
        var info = await store.Scores.PublishAsync(runId, written, CancellationToken.None);

        Assert.Equal(new ScoringRunInfo(runId, "m-1", 5, 3, info.StartedAt, info.CompletedAt, new DecisionThresholds(0.4, 0.8)), info);
        Assert.True(info.CompletedAt >= info.StartedAt);
        Assert.Equal(info, await store.Scores.GetLatestRunAsync(CancellationToken.None));
        var u1 = await store.Scores.GetAsync("u0001", CancellationToken.None);
        Assert.NotNull(u1);
        Assert.Equal(written[1] with { Reasons = [] }, u1 with { Reasons = [] });
        Assert.Equal(written[1].Reasons, u1.Reasons);
        Assert.Equal(written[0].Reasons, (await store.Scores.GetAsync("u0000", CancellationToken.None))!.Reasons);
        Assert.Empty((await store.Scores.GetAsync("u0002", CancellationToken.None))!.Reasons);
        Assert.Null(await store.Scores.GetAsync("nobody", CancellationToken.None));
        Assert.Equal(
            ["u0000", "u0002"],
            (await store.Scores.GetManyAsync(["u0002", "u0000", "nobody", "u0000"], CancellationToken.None)).Select(s => s.Account).Order(StringComparer.Ordinal));
        Assert.Empty(await store.Scores.GetManyAsync([], CancellationToken.None));
    }

    [SkippableFact]
    public async Task Scores_ABegunRun_StaysInvisible_UntilItIsPublished()
    {
        var store = await OpenAsync();
        var first = await store.Scores.BeginRunAsync("m-1", 1, DecisionThresholds.Default, CancellationToken.None);
        await store.Scores.PublishAsync(first, Scores("m-1", first, 4, 0.25), CancellationToken.None);

        var second = await store.Scores.BeginRunAsync("m-2", 2, DecisionThresholds.Default, CancellationToken.None);

        Assert.Equal(first, (await store.Scores.GetLatestRunAsync(CancellationToken.None))!.RunId);
        var u3 = await store.Scores.GetAsync("u0003", CancellationToken.None);
        Assert.Equal(("m-1", 0.25, first), (u3!.ModelVersion, u3.Score, u3.RunId));
        Assert.All(await store.Scores.ExportAsync(CancellationToken.None).ToListAsync(), s => Assert.Equal(first, s.RunId));

        await store.Scores.PublishAsync(second, Scores("m-2", second, 2, 0.75), CancellationToken.None);

        var latest = await store.Scores.GetLatestRunAsync(CancellationToken.None);
        Assert.Equal((second, "m-2", 2L, 2L), (latest!.RunId, latest.ModelVersion, latest.SnapshotRunId, latest.Accounts));
        Assert.Equal(["u0000", "u0001"], (await store.Scores.ExportAsync(CancellationToken.None).ToListAsync()).Select(s => s.Account));
        Assert.Null(await store.Scores.GetAsync("u0003", CancellationToken.None));
        var u1 = await store.Scores.GetAsync("u0001", CancellationToken.None);
        Assert.Equal(("m-2", 0.75, second), (u1!.ModelVersion, u1.Score, u1.RunId));
    }

    [SkippableFact]
    public async Task Scores_ReadersDuringPublish_SeeThePreviousRunWhole()
    {
        var store = await OpenAsync();
        var first = await store.Scores.BeginRunAsync("m-1", 1, DecisionThresholds.Default, CancellationToken.None);
        await store.Scores.PublishAsync(first, Scores("m-1", first, 1000, 0.25), CancellationToken.None);
        var second = await store.Scores.BeginRunAsync("m-2", 2, DecisionThresholds.Default, CancellationToken.None);
        ScoringRunInfo? runMidway = null;
        AccountScore? lastMidway = null;
        var exportedMidway = new List<AccountScore>();
        var manyMidway = new List<AccountScore>();
        var observed = new ObservingScores(Scores("m-2", second, 1000, 0.75), 500, () =>
        {
            runMidway = store.Scores.GetLatestRunAsync(CancellationToken.None).GetAwaiter().GetResult();
            lastMidway = store.Scores.GetAsync("u0999", CancellationToken.None).GetAwaiter().GetResult();
            exportedMidway.AddRange(store.Scores.ExportAsync(CancellationToken.None).ToListAsync().AsTask().GetAwaiter().GetResult());
            manyMidway.AddRange(store.Scores.GetManyAsync(["u0000", "u0499", "u0500"], CancellationToken.None).GetAwaiter().GetResult());
        });

        await store.Scores.PublishAsync(second, observed, CancellationToken.None);

        Assert.True(observed.Fired);
        Assert.Equal(first, runMidway!.RunId);
        Assert.Equal(("m-1", first), (lastMidway!.ModelVersion, lastMidway.RunId));
        Assert.Equal(1000, exportedMidway.Count);
        Assert.All(exportedMidway, s => Assert.Equal(("m-1", 0.25, first), (s.ModelVersion, s.Score, s.RunId)));
        Assert.Equal(3, manyMidway.Count);
        Assert.All(manyMidway, s => Assert.Equal(first, s.RunId));
        var after = await store.Scores.ExportAsync(CancellationToken.None).ToListAsync();
        Assert.Equal(1000, after.Count);
        Assert.All(after, s => Assert.Equal(("m-2", 0.75, second), (s.ModelVersion, s.Score, s.RunId)));
    }

    [SkippableFact]
    public async Task Scores_Export_ReturnsEveryScoreOfTheLatestRun_HighestFirst_TiesByAccount()
    {
        var store = await OpenAsync();
        var run = await store.Scores.BeginRunAsync("m-1", 1, DecisionThresholds.Default, CancellationToken.None);
        await store.Scores.PublishAsync(run,
        [
            new AccountScore("carol", 0.5, Decision.Review, [], "m-1", run, T0),
            new AccountScore("alice", 0.2, Decision.Allow, [], "m-1", run, T0),
            new AccountScore("dave", 0.99, Decision.Block, [SharedDevice], "m-1", run, T0),
            new AccountScore("bob", 0.5, Decision.Review, [], "m-1", run, T0),
            new AccountScore("Zed", 0.5, Decision.Review, [], "m-1", run, T0),
        ], CancellationToken.None);

        var exported = await store.Scores.ExportAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(["dave", "Zed", "bob", "carol", "alice"], exported.Select(s => s.Account));
        Assert.Equal([0.99, 0.5, 0.5, 0.5, 0.2], exported.Select(s => s.Score));
        Assert.Equal([SharedDevice], exported[0].Reasons);
    }

    [SkippableFact]
    public async Task Scores_Publish_KeepsOnlyThePreviousRunsScoresBesidesTheNewOnes()
    {
        var store = await OpenAsync();
        var runs = new List<long>();
        for (var i = 1; i <= 4; i++)
        {
            var run = await store.Scores.BeginRunAsync($"m-{i}", i, DecisionThresholds.Default, CancellationToken.None);
            await store.Scores.PublishAsync(run, Scores($"m-{i}", run, 10, i / 10.0), CancellationToken.None);
            runs.Add(run);
        }

        Assert.Equal([runs[2], runs[3]], await ReadRunsHoldingScoresAsync());
        Assert.Equal(runs[3], (await store.Scores.GetLatestRunAsync(CancellationToken.None))!.RunId);
    }

    [SkippableFact]
    public async Task Scores_Publish_RejectsAnUnknownOrAlreadyPublishedRun_AndADuplicateAccountPublishesNothing()
    {
        var store = await OpenAsync();
        var run = await store.Scores.BeginRunAsync("m-1", 1, DecisionThresholds.Default, CancellationToken.None);
        await store.Scores.PublishAsync(run, Scores("m-1", run, 2, 0.5), CancellationToken.None);
        var doubled = await store.Scores.BeginRunAsync("m-2", 2, DecisionThresholds.Default, CancellationToken.None);

        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Scores.PublishAsync(run, [], CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Scores.PublishAsync(run + 1000, [], CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(
            () => store.Scores.PublishAsync(doubled, [.. Scores("m-2", doubled, 2, 0.9), .. Scores("m-2", doubled, 1, 0.9)], CancellationToken.None));

        Assert.Contains("already published", again.Message, StringComparison.Ordinal);
        Assert.Contains("never begun", unknown.Message, StringComparison.Ordinal);
        var latest = await store.Scores.GetLatestRunAsync(CancellationToken.None);
        Assert.Equal((run, 2L), (latest!.RunId, latest.Accounts));
        Assert.Equal(0.5, (await store.Scores.GetAsync("u0000", CancellationToken.None))!.Score);
    }

    private static ModelRecord Model(string version, double auprc, DateTimeOffset created, byte[]? bytes = null) => new(
        new ModelInfo(version, "fasttree", ["b_feature", "a_feature"], "abc123", new ModelMetrics(0.9, auprc, null, 10, 0.7, 10, 90),
            new Dictionary<string, string> { ["trees"] = "100", ["leaves"] = "20" }, created, false),
        bytes ?? [1, 2, 3]);

    private static List<AccountScore> Scores(string version, long runId, int count, double score) =>
        [.. Enumerable.Range(0, count).Select(i => new AccountScore($"u{i:D4}", score, Decision.Review, [SharedDevice], version, runId, T0))];
}
