using BehaviorGraph.Core.Security;

namespace BehaviorGraph.Storage.Postgres.Security;

internal sealed record ApiKeyRow(string KeyHash, short Role, string Name, long CreatedAt, long? RevokedAt)
{
    public const string Columns = "key_hash AS KeyHash, role AS Role, name AS Name, created_at AS CreatedAt, revoked_at AS RevokedAt";

    public ApiKeyInfo ToInfo() => new(
        KeyHash,
        (ApiRole)Role,
        Name,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        RevokedAt is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null);
}
