namespace BehaviorGraph.Core.Security;

/// <summary>API keys, stored as hashes only.</summary>
public interface IApiKeyStore
{
    /// <summary>Records a key by its hash; false when that hash is already stored.</summary>
    Task<bool> AddAsync(ApiKeyInfo key, CancellationToken cancellationToken);

    /// <summary>The key with this hash (revoked or not), or null.</summary>
    Task<ApiKeyInfo?> FindAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Every key, newest first.</summary>
    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks the key revoked; false when no active key has this hash.</summary>
    Task<bool> RevokeAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken);
}
