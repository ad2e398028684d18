using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Scoring.Tests.Storage;

public sealed class SqliteLabelStoreTests
{
    [Fact]
    public async Task GetLatest_ReturnsTheNewestLabelPerAccount_AndHistoryIsNewestFirst()
    {
        await using var temp = await TempStore.CreateAsync();
        var t0 = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await temp.Store.Labels.AddAsync(
        [
            new AccountLabel("u1", LabelKind.Benign, "file", null, null, t0),
            new AccountLabel("u2", LabelKind.Abusive, "file", null, null, t0),
        ], CancellationToken.None);
        await temp.Store.Labels.AddAsync(
            [new AccountLabel("u1", LabelKind.Abusive, "analyst", "ana", "ring member", t0.AddHours(1))], CancellationToken.None);

        var latest = await temp.Store.Labels.GetLatestAsync(CancellationToken.None);
        var history = await temp.Store.Labels.GetForAccountAsync("u1", CancellationToken.None);

        Assert.Equal([("u1", LabelKind.Abusive), ("u2", LabelKind.Abusive)], latest.Select(l => (l.Account, l.Label)));
        Assert.Equal(new AccountLabel("u1", LabelKind.Abusive, "analyst", "ana", "ring member", t0.AddHours(1)), history[0]);
        Assert.Equal(LabelKind.Benign, history[1].Label);
    }

    [Fact]
    public async Task GetLatest_PrefersTheLaterLine_WhenAFileLabelsAnAccountTwice()
    {
        await using var temp = await TempStore.CreateAsync();
        var t = DateTimeOffset.UnixEpoch;
        await temp.Store.Labels.AddAsync(
        [
            new AccountLabel("u1", LabelKind.Abusive, "file", null, null, t),
            new AccountLabel("u1", LabelKind.Benign, "file", null, null, t),
        ], CancellationToken.None);

        var latest = await temp.Store.Labels.GetLatestAsync(CancellationToken.None);

        Assert.Equal(LabelKind.Benign, Assert.Single(latest).Label);
    }
}
