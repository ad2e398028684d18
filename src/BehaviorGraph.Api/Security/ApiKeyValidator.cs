using System.Collections.Frozen;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Api.Security;

/// <summary>
/// Answers "is this key hash an active key?" from an in-memory copy of every stored key, so a request costs a
/// dictionary hit whatever key it presents: a flood of random keys never reaches the store. The copy is reloaded at
/// most once per <see cref="FreshFor"/> (one load shared by every request that needs it). A key it does not hold
/// waits for a fresh copy when its copy is older than that, so a key made by <c>bgraph keys create</c> in another
/// process works within 2 s; a key it holds reloads in the background, and waits once the copy is older than
/// <see cref="TrustedFor"/>, so a revoked key is refused within 30 s (usually within 2 s).
/// </summary>
internal sealed class ApiKeyValidator(IBehaviorStore store, TimeProvider clock, ILogger<ApiKeyValidator> logger)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TrustedFor = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private volatile Snapshot? _snapshot;
    private Task<Snapshot>? _loading;

    public async ValueTask<ApiKeyInfo?> FindActiveAsync(string hash, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var now = clock.GetUtcNow();
        if (snapshot is null)
        {
            snapshot = await LoadAsync().WaitAsync(cancellationToken);
        }
        else if (now - snapshot.LoadedAt >= FreshFor)
        {
            var known = snapshot.Keys.ContainsKey(hash);
            var reload = LoadAsync();
            if (!known || now - snapshot.LoadedAt >= TrustedFor)
            {
                snapshot = await reload.WaitAsync(cancellationToken);
            }
        }

        return snapshot.Keys.TryGetValue(hash, out var key) && key.IsActive ? key : null;
    }

    /// <summary>
    /// The load in flight, or a new one. A failed load keeps the previous keys for another <see cref="FreshFor"/>
    /// (a store that does not answer cannot tell of a revocation either); without previous keys the failure is the request's.
    /// </summary>
    private Task<Snapshot> LoadAsync()
    {
        lock (_gate)
        {
            if (_loading is { IsCompleted: false } inFlight)
            {
                return inFlight;
            }

            return _loading = Task.Run(async () =>
            {
                try
                {
                    var keys = await store.ApiKeys.ListAsync(CancellationToken.None);
                    return _snapshot = new Snapshot(keys.ToFrozenDictionary(k => k.Hash, StringComparer.Ordinal), clock.GetUtcNow());
                }
                catch (Exception ex) when (_snapshot is { } previous)
                {
                    logger.LogWarning("Could not reload the API keys ({Reason}); the keys loaded at {LoadedAt:u} stay in use", ex.Message, previous.LoadedAt);
                    return _snapshot = previous with { LoadedAt = clock.GetUtcNow() };
                }
            });
        }
    }

    private sealed record Snapshot(FrozenDictionary<string, ApiKeyInfo> Keys, DateTimeOffset LoadedAt);
}
