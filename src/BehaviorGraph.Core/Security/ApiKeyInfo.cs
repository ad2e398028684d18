namespace BehaviorGraph.Core.Security;

/// <summary>
/// A stored API key: the SHA-256 of the key (hex, lower case — the key itself is never stored), its role, a short
/// name for people, when it was created and, once revoked, when.
/// </summary>
public sealed record ApiKeyInfo(string Hash, ApiRole Role, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}
