using System.Collections.Concurrent;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Api.Security;

/// <summary>
/// Looks API key hashes up in the store, remembering answers briefly so a request costs a dictionary hit: known keys
/// for 30 s (a revocation takes effect within that), unknown ones for 2 s (a key created by <c>bgraph keys create</c>
/// in another process works within that).
/// </summary>
internal sealed class ApiKeyValidator(IBehaviorStore store, TimeProvider clock)
{
    private static readonly TimeSpan KnownFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UnknownFor = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (ApiKeyInfo? Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<ApiKeyInfo?> FindActiveAsync(string hash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }

        var key = await store.ApiKeys.FindAsync(hash, cancellationToken);
        var active = key is { IsActive: true } ? key : null;
        if (_cache.Count > 10_000)
        {
            _cache.Clear();
        }

        _cache[hash] = (active, now + (active is null ? UnknownFor : KnownFor));
        return active;
    }
}
