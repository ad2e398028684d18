using BehaviorGraph.Core.Security;

namespace BehaviorGraph.Storage.Tests;

public abstract partial class StoreBehaviorTests
{
    private static readonly DateTimeOffset KeyTime = DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_000);

    [SkippableFact]
    public async Task ApiKeys_AreAddedOnce_FoundByHash_ListedNewestFirst()
    {
        var store = await OpenAsync();
        var first = new ApiKeyInfo(new string('a', 64), ApiRole.Analyst, "analyst desk", KeyTime, null);
        var second = new ApiKeyInfo(new string('b', 64), ApiRole.Enforcement, "gateway", KeyTime.AddMinutes(1), null);

        Assert.True(await store.ApiKeys.AddAsync(first, CancellationToken.None));
        Assert.True(await store.ApiKeys.AddAsync(second, CancellationToken.None));
        Assert.False(await store.ApiKeys.AddAsync(first with { Name = "again" }, CancellationToken.None));

        Assert.Equal(first, await store.ApiKeys.FindAsync(first.Hash, CancellationToken.None));
        Assert.Null(await store.ApiKeys.FindAsync(new string('c', 64), CancellationToken.None));
        Assert.Equal([second.Hash, first.Hash], (await store.ApiKeys.ListAsync(CancellationToken.None)).Select(k => k.Hash));
    }

    [SkippableFact]
    public async Task ApiKeys_RevokeOnce_AndTheKeyStaysFindableAsRevoked()
    {
        var store = await OpenAsync();
        var key = new ApiKeyInfo(new string('d', 64), ApiRole.Admin, "ops", KeyTime, null);
        await store.ApiKeys.AddAsync(key, CancellationToken.None);

        Assert.True(await store.ApiKeys.RevokeAsync(key.Hash, KeyTime.AddHours(1), CancellationToken.None));
        Assert.False(await store.ApiKeys.RevokeAsync(key.Hash, KeyTime.AddHours(2), CancellationToken.None));
        Assert.False(await store.ApiKeys.RevokeAsync(new string('e', 64), KeyTime, CancellationToken.None));

        var found = await store.ApiKeys.FindAsync(key.Hash, CancellationToken.None);
        Assert.NotNull(found);
        Assert.False(found.IsActive);
        Assert.Equal(KeyTime.AddHours(1), found.RevokedAt);
        Assert.Equal(ApiRole.Admin, found.Role);
    }
}
