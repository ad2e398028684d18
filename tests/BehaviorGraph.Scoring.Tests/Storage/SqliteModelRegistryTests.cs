using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Tests.Storage;

public sealed class SqliteModelRegistryTests
{
    internal static ModelRecord Model(string version, double auprc, DateTimeOffset created, byte[]? bytes = null) => new(
        new ModelInfo(version, "fasttree", ["a", "b"], "abc123", new ModelMetrics(0.9, auprc, 0.8, 10, 0.7, 10, 90),
            new Dictionary<string, string> { ["trees"] = "100" }, created, false),
        bytes ?? [1, 2, 3]);

    [Fact]
    public async Task SaveListGet_RoundTripEveryField()
    {
        await using var temp = await TempStore.CreateAsync();
        var registry = temp.Store.Models;
        var t = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await registry.SaveAsync(Model("m-1", 0.8, t), CancellationToken.None);
        await registry.SaveAsync(Model("m-2", 0.85, t.AddMinutes(1), [9, 8]), CancellationToken.None);

        var list = await registry.ListAsync(CancellationToken.None);
        var m2 = await registry.GetAsync("m-2", CancellationToken.None);

        Assert.Equal(["m-2", "m-1"], list.Select(m => m.Version));
        Assert.NotNull(m2);
        Assert.Equal([9, 8], m2.ModelBytes);
        Assert.Equal(["a", "b"], m2.Info.FeatureNames);
        Assert.Equal(new ModelMetrics(0.9, 0.85, 0.8, 10, 0.7, 10, 90), m2.Info.Metrics);
        Assert.Equal("100", m2.Info.Settings["trees"]);
        Assert.Equal(t.AddMinutes(1), m2.Info.CreatedAt);
        Assert.Null(await registry.GetPromotedAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.SaveAsync(Model("m-1", 0.1, t), CancellationToken.None));
    }

    [Fact]
    public async Task Promote_KeepsExactlyOnePromotedModel()
    {
        await using var temp = await TempStore.CreateAsync();
        var registry = temp.Store.Models;
        await registry.SaveAsync(Model("m-1", 0.8, DateTimeOffset.UnixEpoch), CancellationToken.None);
        await registry.SaveAsync(Model("m-2", 0.8, DateTimeOffset.UnixEpoch.AddSeconds(1)), CancellationToken.None);

        Assert.True(await registry.PromoteAsync("m-1", CancellationToken.None));
        Assert.True(await registry.PromoteAsync("m-2", CancellationToken.None));
        Assert.False(await registry.PromoteAsync("m-404", CancellationToken.None));

        Assert.Equal("m-2", (await registry.GetPromotedAsync(CancellationToken.None))!.Info.Version);
        Assert.Equal(["m-2"], (await registry.ListAsync(CancellationToken.None)).Where(m => m.Promoted).Select(m => m.Version));
    }
}
