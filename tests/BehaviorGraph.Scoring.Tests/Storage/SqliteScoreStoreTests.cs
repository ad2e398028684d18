using System.Collections;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Tests.Storage;

public sealed class SqliteScoreStoreTests
{
    private static readonly DateTimeOffset At = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<AccountScore> Scores(string version, long runId, int count, double score) =>
        Enumerable.Range(0, count).Select(i => new AccountScore(
            $"u{i:D4}", score, Decision.Review,
            [new ReasonCode("SHARED_DEVICE_ACCOUNTS", "shared_device_accounts", 23, 1.5, "shares a device with 23 other accounts")],
            version, runId, At)).ToList();

    [Fact]
    public async Task Publish_MakesTheRunVisible_WithEveryFieldRoundTripped()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store.Scores;
        Assert.Null(await store.GetLatestRunAsync(CancellationToken.None));

        var runId = await store.BeginRunAsync("m-1", 5, CancellationToken.None);
        Assert.Null(await store.GetLatestRunAsync(CancellationToken.None));
        var info = await store.PublishAsync(runId, Scores("m-1", runId, 3, 0.6), CancellationToken.None);

        Assert.Equal(new ScoringRunInfo(runId, "m-1", 5, 3, info.StartedAt, info.CompletedAt), await store.GetLatestRunAsync(CancellationToken.None));
        Assert.Equal(Scores("m-1", runId, 3, 0.6)[1] with { Reasons = [] }, (await store.GetAsync("u0001", CancellationToken.None))! with { Reasons = [] });
        Assert.Equal(Scores("m-1", runId, 1, 0.6)[0].Reasons, (await store.GetAsync("u0000", CancellationToken.None))!.Reasons);
        Assert.Equal(["u0000", "u0002"], (await store.GetManyAsync(["u0002", "u0000", "nobody"], CancellationToken.None)).Select(s => s.Account).Order());
        Assert.Equal(3, await store.ExportAsync(CancellationToken.None).CountAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PublishAsync(runId, [], CancellationToken.None));
    }

    [Fact]
    public async Task Publish_ReadersDuringPublishSeeThePreviousRunComplete()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store.Scores;
        var first = await store.BeginRunAsync("m-1", 1, CancellationToken.None);
        await store.PublishAsync(first, Scores("m-1", first, 1000, 0.25), CancellationToken.None);

        var second = await store.BeginRunAsync("m-2", 2, CancellationToken.None);
        var seenMidway = new List<AccountScore>();
        ScoringRunInfo? runMidway = null;
        // The list hands the store its rows; halfway through the write transaction it reads through other connections.
        var observed = new ObservingList(Scores("m-2", second, 1000, 0.75), 500, () =>
        {
            runMidway = store.GetLatestRunAsync(CancellationToken.None).GetAwaiter().GetResult();
            seenMidway.AddRange(store.ExportAsync(CancellationToken.None).ToListAsync().AsTask().GetAwaiter().GetResult());
        });
        await store.PublishAsync(second, observed, CancellationToken.None);

        Assert.True(observed.Fired);
        Assert.Equal(first, runMidway!.RunId);
        Assert.Equal(1000, seenMidway.Count);
        Assert.All(seenMidway, s => Assert.Equal(("m-1", 0.25), (s.ModelVersion, s.Score)));
        var after = await store.ExportAsync(CancellationToken.None).ToListAsync();
        Assert.Equal(1000, after.Count);
        Assert.All(after, s => Assert.Equal(("m-2", 0.75, second), (s.ModelVersion, s.Score, s.RunId)));
    }

    [Fact]
    public async Task Publish_KeepsOnlyThePreviousRunBesidesTheNewOne()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store.Scores;
        for (var i = 1; i <= 3; i++)
        {
            var run = await store.BeginRunAsync($"m-{i}", i, CancellationToken.None);
            await store.PublishAsync(run, Scores($"m-{i}", run, 10, i / 10.0), CancellationToken.None);
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.DatabasePath}");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(run_id) FROM (SELECT DISTINCT run_id FROM scores ORDER BY run_id)";
        Assert.Equal("2,3", (string?)await command.ExecuteScalarAsync());
    }

    /// <summary>A list that runs a callback once, when the store reads the item at <paramref name="at"/>.</summary>
    private sealed class ObservingList(List<AccountScore> items, int at, Action callback) : IReadOnlyList<AccountScore>
    {
        public bool Fired { get; private set; }

        public int Count => items.Count;

        public AccountScore this[int index]
        {
            get
            {
                if (index == at && !Fired)
                {
                    Fired = true;
                    callback();
                }

                return items[index];
            }
        }

        public IEnumerator<AccountScore> GetEnumerator()
        {
            for (var i = 0; i < items.Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
