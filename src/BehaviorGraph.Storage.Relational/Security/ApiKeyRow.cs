using BehaviorGraph.Core.Security;

namespace BehaviorGraph.Storage.Relational.Security;

/// <summary>
/// An api_keys row. Settable properties rather than a positional record: Dapper converts the role column's integer
/// width (SQLite INTEGER, PostgreSQL smallint) into a property but not into a constructor argument.
/// </summary>
public sealed class ApiKeyRow
{
    public const string Columns = "key_hash AS KeyHash, role AS Role, name AS Name, created_at AS CreatedAt, revoked_at AS RevokedAt";

    public string KeyHash { get; init; } = "";

    public long Role { get; init; }

    public string Name { get; init; } = "";

    public long CreatedAt { get; init; }

    public long? RevokedAt { get; init; }

    public ApiKeyInfo ToInfo() => new(
        KeyHash,
        (ApiRole)Role,
        Name,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        RevokedAt is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null);
}
