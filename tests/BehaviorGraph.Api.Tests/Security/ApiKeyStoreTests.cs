using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Api.Tests.Security;

/// <summary>The SQLite API key store behind authentication: hashes only, one row per hash, revocation once.</summary>
public sealed class ApiKeyStoreTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private Core.Storage.IBehaviorStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteBehaviorStore.OpenAsync(Path.Combine(_directory.Path, "bg.db"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public void Hash_IsLowerCaseHexSha256_AndKeysAreUnique()
    {
        // SHA-256("abc"), the FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeys.Hash("abc"));
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeys.NewKey()).ToHashSet();
        Assert.Equal(100, keys.Count);
        Assert.All(keys, k => Assert.Matches("^bg_[A-Za-z0-9_-]{43}$", k));
    }

    [Fact]
    public async Task Add_StoresTheHashOnce_FindReturnsIt_RevokeWorksOnce()
    {
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var key = new ApiKeyInfo(ApiKeys.Hash("secret"), ApiRole.Analyst, "ana", created, null);

        Assert.True(await _store.ApiKeys.AddAsync(key, CancellationToken.None));
        Assert.False(await _store.ApiKeys.AddAsync(key with { Role = ApiRole.Admin }, CancellationToken.None));
        Assert.Equal(key, await _store.ApiKeys.FindAsync(key.Hash, CancellationToken.None));
        Assert.Null(await _store.ApiKeys.FindAsync(ApiKeys.Hash("other"), CancellationToken.None));

        var revokedAt = created.AddDays(1);
        Assert.True(await _store.ApiKeys.RevokeAsync(key.Hash, revokedAt, CancellationToken.None));
        Assert.False(await _store.ApiKeys.RevokeAsync(key.Hash, revokedAt.AddDays(1), CancellationToken.None));
        var stored = Assert.Single(await _store.ApiKeys.ListAsync(CancellationToken.None));
        Assert.Equal((revokedAt, false), (stored.RevokedAt, stored.IsActive));
    }

    [Fact]
    public async Task Database_HoldsNoKey_OnlyItsHash()
    {
        var key = ApiKeys.NewKey();
        await _store.ApiKeys.AddAsync(new ApiKeyInfo(ApiKeys.Hash(key), ApiRole.Admin, "root", DateTimeOffset.UtcNow, null), CancellationToken.None);
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();

        var bytes = string.Concat(Directory.EnumerateFiles(_directory.Path).Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain(key, bytes, StringComparison.Ordinal);
        Assert.Contains(ApiKeys.Hash(key), bytes, StringComparison.Ordinal);
        _store = await SqliteBehaviorStore.OpenAsync(Path.Combine(_directory.Path, "bg.db"), CancellationToken.None);
    }
}
